package io.weir.runtime.operator.aggregate;

import io.weir.common.data.Row;
import io.weir.common.types.LogicalType;
import io.weir.runtime.operator.aggregate.Numbers.Arithmetic;
import io.weir.state.serialization.Serializers;
import io.weir.state.serialization.TypeSerializer;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * {@code SUM}, {@code SUM0} (Calcite's {@code $SUM0}: 0 instead of null over no values) and {@code
 * AVG}. All keep a running sum and the number of non-null values: the count is what tells SUM that
 * retraction has emptied it (null again, not 0) and what AVG divides by.
 *
 * <p>AVG follows its result type as Flink does: {@code AVG(INT)} typed INT truncates ({@code
 * AVG(1, 2) = 1}), DECIMAL divides to the result's scale rounding half up, DOUBLE divides exactly.
 */
final class SumAvgFunction implements AggregateFunction {
  enum Kind { SUM, SUM0, AVG }

  /** Sum and count of non-null values; only the sum field of the function's arithmetic is used. */
  static final class Acc {
    long count;
    long longSum;
    double doubleSum;
    BigDecimal decimalSum = BigDecimal.ZERO;
  }

  private final Kind kind;
  private final Arithmetic arithmetic;
  private final int argument;
  private final LogicalType resultType;
  private final AccumulatorSerializer<Acc> serializer;

  SumAvgFunction(Kind kind, LogicalType argumentType, int argument, LogicalType resultType) {
    this.kind = kind;
    this.arithmetic = Arithmetic.of(argumentType, kind.name());
    this.argument = argument;
    this.resultType = resultType;
    this.serializer = serializer(arithmetic);
  }

  @Override
  public Object createAccumulator() {
    return new Acc();
  }

  @Override
  public Object accumulate(Object accumulator, Row input) {
    Object v = input.field(argument);
    if (v != null) {
      Acc acc = (Acc) accumulator;
      acc.count++;
      switch (arithmetic) {
        case LONG -> acc.longSum += ((Number) v).longValue();
        case DOUBLE -> acc.doubleSum += ((Number) v).doubleValue();
        case DECIMAL -> acc.decimalSum = acc.decimalSum.add((BigDecimal) v);
      }
    }
    return accumulator;
  }

  @Override
  public Object retract(Object accumulator, Row input) {
    Object v = input.field(argument);
    if (v != null) {
      Acc acc = (Acc) accumulator;
      acc.count--;
      switch (arithmetic) {
        case LONG -> acc.longSum -= ((Number) v).longValue();
        case DOUBLE -> acc.doubleSum -= ((Number) v).doubleValue();
        case DECIMAL -> acc.decimalSum = acc.decimalSum.subtract((BigDecimal) v);
      }
      if (acc.count == 0) {
        // Drop floating-point residue (0.1 + 0.2 - 0.1 - 0.2 != 0) so an emptied sum restarts at 0.
        acc.doubleSum = 0;
        acc.decimalSum = BigDecimal.ZERO;
        acc.longSum = 0;
      }
    }
    return accumulator;
  }

  @Override
  public Object merge(Object accumulator, Object other) {
    Acc acc = (Acc) accumulator;
    Acc o = (Acc) other;
    acc.count += o.count;
    acc.longSum += o.longSum;
    acc.doubleSum += o.doubleSum;
    acc.decimalSum = acc.decimalSum.add(o.decimalSum);
    return accumulator;
  }

  @Override
  public Object getValue(Object accumulator) {
    Acc acc = (Acc) accumulator;
    if (acc.count == 0) {
      return kind == Kind.SUM0 ? Numbers.fromLong(0, resultType) : null;
    }
    if (kind != Kind.AVG) {
      return switch (arithmetic) {
        case LONG -> Numbers.fromLong(acc.longSum, resultType);
        case DOUBLE -> Numbers.fromDouble(acc.doubleSum, resultType);
        case DECIMAL -> Numbers.fromDecimal(acc.decimalSum, resultType);
      };
    }
    return switch (resultType.root()) {
      case DECIMAL -> {
        BigDecimal sum = switch (arithmetic) {
          case LONG -> BigDecimal.valueOf(acc.longSum);
          case DOUBLE -> BigDecimal.valueOf(acc.doubleSum);
          case DECIMAL -> acc.decimalSum;
        };
        yield sum.divide(BigDecimal.valueOf(acc.count), resultType.scale(), RoundingMode.HALF_UP);
      }
      case FLOAT, DOUBLE -> {
        double sum = switch (arithmetic) {
          case LONG -> acc.longSum;
          case DOUBLE -> acc.doubleSum;
          case DECIMAL -> acc.decimalSum.doubleValue();
        };
        yield Numbers.fromDouble(sum / acc.count, resultType);
      }
      // Integral result: Java's long division truncates toward zero, as Flink's AVG(INT) does.
      default -> switch (arithmetic) {
        case LONG -> Numbers.fromLong(acc.longSum / acc.count, resultType);
        case DOUBLE -> Numbers.fromLong((long) (acc.doubleSum / acc.count), resultType);
        case DECIMAL -> Numbers.fromLong(
            acc.decimalSum.divide(BigDecimal.valueOf(acc.count), 0, RoundingMode.DOWN).longValue(), resultType);
      };
    };
  }

  @Override
  public TypeSerializer<Object> accumulatorSerializer() {
    return serializer;
  }

  private static AccumulatorSerializer<Acc> serializer(Arithmetic arithmetic) {
    return new AccumulatorSerializer<>("SUM_ACC<" + arithmetic + ">") {
      @Override
      void write(Acc acc, DataOutput out) throws IOException {
        out.writeLong(acc.count);
        switch (arithmetic) {
          case LONG -> out.writeLong(acc.longSum);
          case DOUBLE -> out.writeDouble(acc.doubleSum);
          case DECIMAL -> Serializers.DECIMAL.serialize(acc.decimalSum, out);
        }
      }

      @Override
      Acc read(DataInput in) throws IOException {
        Acc acc = new Acc();
        acc.count = in.readLong();
        switch (arithmetic) {
          case LONG -> acc.longSum = in.readLong();
          case DOUBLE -> acc.doubleSum = in.readDouble();
          case DECIMAL -> acc.decimalSum = Serializers.DECIMAL.deserialize(in);
        }
        return acc;
      }
    };
  }
}
