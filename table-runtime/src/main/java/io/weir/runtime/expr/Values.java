package io.weir.runtime.expr;

import io.weir.common.types.LogicalType;
import io.weir.common.types.TypeRoot;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;

/** Conversions between the boxed internal forms of numbers, and SQL comparison. */
public final class Values {
  private Values() {}

  public static BigDecimal toDecimal(Object v) {
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof Double || v instanceof Float) {
      return BigDecimal.valueOf(((Number) v).doubleValue());
    }
    return BigDecimal.valueOf(((Number) v).longValue());
  }

  /** Converts a number to the boxed internal form of {@code target} (a numeric type). */
  public static Object coerceNumber(Object v, LogicalType target) {
    if (v == null) {
      return null;
    }
    Number n = (Number) v;
    return switch (target.root()) {
      case TINYINT -> n.byteValue();
      case SMALLINT -> n.shortValue();
      case INTEGER -> n.intValue();
      case BIGINT -> n.longValue();
      case FLOAT -> n.floatValue();
      case DOUBLE -> n.doubleValue();
      case DECIMAL -> toDecimal(v).setScale(target.scale(), RoundingMode.HALF_UP);
      default -> throw new IllegalArgumentException("not a numeric type: " + target);
    };
  }

  /** A comparator for non-null internal values of the two types, as SQL compares them. */
  public static Comparator<Object> comparator(LogicalType left, LogicalType right) {
    TypeRoot l = left.root();
    TypeRoot r = right.root();
    if (l.isNumeric() && r.isNumeric()) {
      if (l == TypeRoot.DECIMAL || r == TypeRoot.DECIMAL) {
        if ((l == TypeRoot.DOUBLE || l == TypeRoot.FLOAT) || (r == TypeRoot.DOUBLE || r == TypeRoot.FLOAT)) {
          return (a, b) -> Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
        }
        return (a, b) -> toDecimal(a).compareTo(toDecimal(b));
      }
      if (l == TypeRoot.DOUBLE || l == TypeRoot.FLOAT || r == TypeRoot.DOUBLE || r == TypeRoot.FLOAT) {
        return (a, b) -> Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
      }
      return (a, b) -> Long.compare(((Number) a).longValue(), ((Number) b).longValue());
    }
    if (l.isCharacterString() && r.isCharacterString()) {
      return (a, b) -> ((String) a).compareTo((String) b);
    }
    return Values::compareSameKind;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareSameKind(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return Long.compare(x.longValue(), y.longValue());
    }
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return java.util.Arrays.compareUnsigned(x, y);
    }
    if (a instanceof Comparable c) {
      return c.compareTo(b);
    }
    throw new IllegalArgumentException("values of type " + a.getClass().getSimpleName() + " cannot be ordered");
  }

  /** SQL equality of non-null values of the two types (numbers compare by value). */
  public static boolean sqlEquals(Object a, Object b, Comparator<Object> cmp) {
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return java.util.Arrays.equals(x, y);
    }
    if (a.getClass() == b.getClass() && !(a instanceof BigDecimal)) {
      return a.equals(b);
    }
    return cmp.compare(a, b) == 0;
  }
}
