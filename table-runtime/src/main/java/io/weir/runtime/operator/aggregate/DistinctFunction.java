package io.weir.runtime.operator.aggregate;

import io.weir.common.data.Row;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import io.weir.common.types.TypeRoot;
import io.weir.state.serialization.RowSerializer;
import io.weir.state.serialization.Serializers;
import io.weir.state.serialization.TypeSerializer;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code AGG(DISTINCT args)}: counts how often each distinct argument value is present and passes
 * a row on to the wrapped function only when its value's count goes 0 → 1 (accumulate) or 1 → 0
 * (retract). So {@code COUNT(DISTINCT user)} over {@code a, a, b} counts 2, and retracting one
 * {@code a} leaves it at 2. Rows with a null argument are skipped, as SQL's DISTINCT aggregates do.
 *
 * <p>{@link #merge} adds the counts and feeds the wrapped function the values new to this
 * accumulator, rebuilt as rows holding just the argument fields (the wrapped function reads
 * nothing else).
 */
final class DistinctFunction implements AggregateFunction {
  static final class Acc {
    /** Distinct argument value (the value itself, or a Row of several) → how many rows hold it. */
    final LinkedHashMap<Object, Long> seen;
    Object inner;

    Acc(LinkedHashMap<Object, Long> seen, Object inner) {
      this.seen = seen;
      this.inner = inner;
    }
  }

  private final AggregateFunction inner;
  private final int[] arguments;
  private final int inputArity;
  /**
   * Whether the distinct key is a Row of the arguments rather than the single argument itself: for
   * several arguments, and for BINARY, whose {@code byte[]} lacks value equality (a Row compares
   * its fields deeply).
   */
  private final boolean rowKeys;
  private final AccumulatorSerializer<Acc> serializer;

  DistinctFunction(AggregateFunction inner, int[] arguments, RowType inputType) {
    if (arguments.length == 0) {
      throw new IllegalArgumentException("DISTINCT needs at least one argument");
    }
    this.inner = inner;
    this.arguments = arguments;
    this.inputArity = inputType.arity();
    LogicalType first = inputType.type(arguments[0]);
    this.rowKeys = arguments.length > 1 || first.root() == TypeRoot.BINARY || first.root() == TypeRoot.VARBINARY;
    TypeSerializer<Object> keys;
    if (rowKeys) {
      @SuppressWarnings({"unchecked", "rawtypes"})
      TypeSerializer<Object> rows = (TypeSerializer) new RowSerializer(inputType.project(arguments));
      keys = rows;
    } else {
      keys = Serializers.forType(first);
    }
    TypeSerializer<Object> innerSerializer = inner.accumulatorSerializer();
    this.serializer = new AccumulatorSerializer<>(
        "DISTINCT_ACC<" + keys.signature() + ", " + innerSerializer.signature() + ">") {
      @Override
      void write(Acc acc, DataOutput out) throws IOException {
        out.writeInt(acc.seen.size());
        for (Map.Entry<Object, Long> e : acc.seen.entrySet()) {
          keys.serialize(e.getKey(), out);
          out.writeLong(e.getValue());
        }
        innerSerializer.serialize(acc.inner, out);
      }

      @Override
      Acc read(DataInput in) throws IOException {
        int n = in.readInt();
        LinkedHashMap<Object, Long> seen = new LinkedHashMap<>(Math.max(4, (int) (n / 0.75f) + 1));
        for (int i = 0; i < n; i++) {
          seen.put(keys.deserialize(in), in.readLong());
        }
        return new Acc(seen, innerSerializer.deserialize(in));
      }
    };
  }

  /** The distinct key of {@code input}, or null when an argument is null. */
  private Object keyOf(Row input) {
    if (!rowKeys) {
      return input.field(arguments[0]);
    }
    Object[] values = new Object[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      if ((values[i] = input.field(arguments[i])) == null) {
        return null;
      }
    }
    return Row.of(values);
  }

  /** A row with {@code key}'s values in the argument fields, for the wrapped function. */
  private Row rowOf(Object key) {
    Object[] fields = new Object[inputArity];
    if (rowKeys) {
      Row values = (Row) key;
      for (int i = 0; i < arguments.length; i++) {
        fields[arguments[i]] = values.field(i);
      }
    } else {
      fields[arguments[0]] = key;
    }
    return Row.of(fields);
  }

  @Override
  public Object createAccumulator() {
    return new Acc(new LinkedHashMap<>(), inner.createAccumulator());
  }

  @Override
  public Object accumulate(Object accumulator, Row input) {
    Object key = keyOf(input);
    if (key != null) {
      Acc acc = (Acc) accumulator;
      if (acc.seen.merge(key, 1L, Long::sum) == 1L) {
        acc.inner = inner.accumulate(acc.inner, input);
      }
    }
    return accumulator;
  }

  @Override
  public Object retract(Object accumulator, Row input) {
    Object key = keyOf(input);
    if (key != null) {
      Acc acc = (Acc) accumulator;
      Long n = acc.seen.get(key);
      if (n == null) {
        return accumulator; // never seen: nothing to undo
      }
      if (n == 1L) {
        acc.seen.remove(key);
        acc.inner = inner.retract(acc.inner, input);
      } else {
        acc.seen.put(key, n - 1);
      }
    }
    return accumulator;
  }

  @Override
  public Object merge(Object accumulator, Object other) {
    Acc acc = (Acc) accumulator;
    for (Map.Entry<Object, Long> e : ((Acc) other).seen.entrySet()) {
      Long mine = acc.seen.get(e.getKey());
      if (mine == null) {
        acc.seen.put(e.getKey(), e.getValue());
        acc.inner = inner.accumulate(acc.inner, rowOf(e.getKey()));
      } else {
        acc.seen.put(e.getKey(), mine + e.getValue());
      }
    }
    return accumulator;
  }

  @Override
  public Object getValue(Object accumulator) {
    return inner.getValue(((Acc) accumulator).inner);
  }

  @Override
  public TypeSerializer<Object> accumulatorSerializer() {
    return serializer;
  }
}
