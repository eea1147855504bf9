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
        : new SingleValueFunction(
            name,
            "MINMAX_ACC",
            values,
            argument,
            max
                ? (current, candidate) -> order.compare(candidate, current) > 0
                : (current, candidate) -> order.compare(candidate, current) < 0);
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
}
