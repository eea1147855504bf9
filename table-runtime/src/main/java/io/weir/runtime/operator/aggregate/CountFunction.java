package io.weir.runtime.operator.aggregate;

import io.weir.common.data.Row;
import io.weir.common.types.LogicalType;
import io.weir.state.serialization.TypeSerializer;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * {@code COUNT(*)} (no arguments: every row) and {@code COUNT(a, …)} (rows whose arguments are all
 * non-null, as in Calcite).
 */
final class CountFunction implements AggregateFunction {
  /** A mutable count, so counting past 127 does not allocate a {@code Long} per row. */
  static final class Acc {
    long count;

    Acc(long count) {
      this.count = count;
    }
  }

  private static final AccumulatorSerializer<Acc> SERIALIZER =
      new AccumulatorSerializer<>("COUNT_ACC") {
        @Override
        void write(Acc acc, DataOutput out) throws IOException {
          out.writeLong(acc.count);
        }

        @Override
        Acc read(DataInput in) throws IOException {
          return new Acc(in.readLong());
        }
      };

  private final int[] arguments;
  private final LogicalType resultType;

  CountFunction(int[] arguments, LogicalType resultType) {
    this.arguments = arguments;
    this.resultType = resultType;
  }

  private boolean counts(Row input) {
    for (int a : arguments) {
      if (input.isNullAt(a)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Object createAccumulator() {
    return new Acc(0);
  }

  @Override
  public Object accumulate(Object accumulator, Row input) {
    if (counts(input)) {
      ((Acc) accumulator).count++;
    }
    return accumulator;
  }

  @Override
  public Object retract(Object accumulator, Row input) {
    if (counts(input)) {
      ((Acc) accumulator).count--;
    }
    return accumulator;
  }

  @Override
  public Object merge(Object accumulator, Object other) {
    ((Acc) accumulator).count += ((Acc) other).count;
    return accumulator;
  }

  @Override
  public Object getValue(Object accumulator) {
    return Numbers.fromLong(((Acc) accumulator).count, resultType);
  }

  @Override
  public TypeSerializer<Object> accumulatorSerializer() {
    return SERIALIZER;
  }
}
