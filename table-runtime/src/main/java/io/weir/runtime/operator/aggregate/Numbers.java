package io.weir.runtime.operator.aggregate;

import io.weir.common.types.LogicalType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Converts the wide arithmetic SUM and AVG accumulate in (long, double, BigDecimal) into the
 * internal form of a result type: {@code SUM(INT)} typed INT returns an {@code Integer}, typed
 * BIGINT a {@code Long}; DECIMAL results get the result type's scale, rounding half up.
 */
final class Numbers {
  private Numbers() {}

  /** How SUM and AVG add up values of an input type. */
  enum Arithmetic {
    /** TINYINT…BIGINT and intervals: exact, wrapping on overflow like Java (and Flink). */
    LONG,
    /** FLOAT and DOUBLE. */
    DOUBLE,
    DECIMAL;

    static Arithmetic of(LogicalType type, String function) {
      return switch (type.root()) {
        case TINYINT, SMALLINT, INTEGER, BIGINT, INTERVAL_DAY_TIME, INTERVAL_YEAR_MONTH -> LONG;
        case FLOAT, DOUBLE -> DOUBLE;
        case DECIMAL -> DECIMAL;
        default -> throw new IllegalArgumentException(
            function + " needs a numeric argument but got " + type.asSummaryString());
      };
    }
  }

  static Object fromLong(long v, LogicalType type) {
    return switch (type.root()) {
      case TINYINT -> (byte) v;
      case SMALLINT -> (short) v;
      case INTEGER, INTERVAL_YEAR_MONTH -> (int) v;
      case BIGINT, INTERVAL_DAY_TIME -> v;
      case FLOAT -> (float) v;
      case DOUBLE -> (double) v;
      case DECIMAL -> BigDecimal.valueOf(v).setScale(type.scale(), RoundingMode.HALF_UP);
      default -> throw unsupported(type);
    };
  }

  static Object fromDouble(double v, LogicalType type) {
    return switch (type.root()) {
      case DOUBLE -> v;
      case FLOAT -> (float) v;
      case DECIMAL -> BigDecimal.valueOf(v).setScale(type.scale(), RoundingMode.HALF_UP);
      default -> fromLong((long) v, type);
    };
  }

  static Object fromDecimal(BigDecimal v, LogicalType type) {
    return switch (type.root()) {
      case DECIMAL -> v.setScale(type.scale(), RoundingMode.HALF_UP);
      case DOUBLE -> v.doubleValue();
      case FLOAT -> v.floatValue();
      default -> fromLong(v.longValue(), type);
    };
  }

  private static IllegalArgumentException unsupported(LogicalType type) {
    return new IllegalArgumentException("An aggregate cannot return a number as " + type.asSummaryString());
  }
}
