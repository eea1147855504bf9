package io.weir.runtime.operator.aggregate;

import io.weir.common.data.Row;
import io.weir.common.types.LogicalType;
import io.weir.state.serialization.Serializers;
import io.weir.state.serialization.TypeSerializer;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/** {@code MIN} and {@code MAX} over any orderable type; nulls are ignored. */
final class MinMaxFunction {
  private MinMaxFunction() {}

  static AggregateFunction create(boolean max, LogicalType argumentType, int argument, boolean retraction) {
    String name = max ? "MAX" : "MIN";
    Comparator<Object> order = ValueComparators.forType(argumentType, name);
    TypeSerializer<Object> values = Serializers.forType(argumentType);
    return retraction
        ? new Retracting(max, order, values, argument)
        : new AppendOnly(max, order, values, argument, name);
  }

  /**
   * Keeps every value seen with its count, sorted, so retracting the current extreme finds the
   * next one: MIN(3, 5) after retracting 3 is 5. Costs a map entry per distinct value.
   */
  private static final class Retracting implements AggregateFunction {
    private final boolean max;
    private final Comparator<Object> order;
    private final int argument;
    private final AccumulatorSerializer<TreeMap<Object, Long>> serializer;

    Retracting(boolean max, Comparator<Object> order, TypeSerializer<Object> values, int argument) {
      this.max = max;
      this.order = order;
      this.argument = argument;
      this.serializer = new AccumulatorSerializer<>("MINMAX_RETRACT_ACC<" + values.signature() + ">") {
        @Override
        void write(TreeMap<Object, Long> acc, DataOutput out) throws IOException {
          out.writeInt(acc.size());
          for (Map.Entry<Object, Long> e : acc.entrySet()) {
            values.serialize(e.getKey(), out);
            out.writeLong(e.getValue());
          }
        }

        @Override
        TreeMap<Object, Long> read(DataInput in) throws IOException {
          TreeMap<Object, Long> acc = new TreeMap<>(order);
          for (int n = in.readInt(); n > 0; n--) {
            acc.put(values.deserialize(in), in.readLong());
          }
          return acc;
        }
      };
    }

    @Override
    public Object createAccumulator() {
      return new TreeMap<Object, Long>(order);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object accumulate(Object accumulator, Row input) {
      Object v = input.field(argument);
      if (v != null) {
        ((TreeMap<Object, Long>) accumulator).merge(v, 1L, Long::sum);
      }
      return accumulator;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object retract(Object accumulator, Row input) {
      Object v = input.field(argument);
      if (v != null) {
        TreeMap<Object, Long> acc = (TreeMap<Object, Long>) accumulator;
        // A count reaching 0 removes the value; a retraction of a value never seen is ignored.
        acc.computeIfPresent(v, (k, n) -> n == 1 ? null : n - 1);
      }
      return accumulator;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object merge(Object accumulator, Object other) {
      TreeMap<Object, Long> acc = (TreeMap<Object, Long>) accumulator;
      for (Map.Entry<Object, Long> e : ((TreeMap<Object, Long>) other).entrySet()) {
        acc.merge(e.getKey(), e.getValue(), Long::sum);
      }
      return accumulator;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object getValue(Object accumulator) {
      TreeMap<Object, Long> acc = (TreeMap<Object, Long>) accumulator;
      if (acc.isEmpty()) {
        return null;
      }
      return max ? acc.lastKey() : acc.firstKey();
    }

    @Override
    public TypeSerializer<Object> accumulatorSerializer() {
      return serializer;
    }
  }

  /** Keeps only the extreme: for insert-only inputs (window aggregates), where nothing retracts. */
  private static final class AppendOnly implements AggregateFunction {
    private final boolean max;
    private final Comparator<Object> order;
    private final int argument;
    private final String name;
    private final TypeSerializer<Object> serializer;

    AppendOnly(boolean max, Comparator<Object> order, TypeSerializer<Object> values, int argument, String name) {
      this.max = max;
      this.order = order;
      this.argument = argument;
      this.name = name;
      this.serializer = ValueHolder.serializer("MINMAX_ACC<" + values.signature() + ">", values);
    }

    private void offer(ValueHolder acc, Object v) {
      if (v != null && (acc.value == null || (max ? order.compare(v, acc.value) > 0 : order.compare(v, acc.value) < 0))) {
        acc.value = v;
      }
    }

    @Override
    public Object createAccumulator() {
      return new ValueHolder();
    }

    @Override
    public Object accumulate(Object accumulator, Row input) {
      offer((ValueHolder) accumulator, input.field(argument));
      return accumulator;
    }

    @Override
    public Object retract(Object accumulator, Row input) {
      throw ValueHolder.noRetraction(name);
    }

    @Override
    public Object merge(Object accumulator, Object other) {
      offer((ValueHolder) accumulator, ((ValueHolder) other).value);
      return accumulator;
    }

    @Override
    public Object getValue(Object accumulator) {
      return ((ValueHolder) accumulator).value;
    }

    @Override
    public TypeSerializer<Object> accumulatorSerializer() {
      return serializer;
    }
  }
}
