package io.weir.runtime.operator.aggregate;

import io.weir.common.types.LogicalType;
import java.util.Arrays;
import java.util.Comparator;

/** How MIN and MAX order the internal values of a SQL type. */
final class ValueComparators {
  private ValueComparators() {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final Comparator<Object> NATURAL = (a, b) -> ((Comparable) a).compareTo(b);

  private static final Comparator<Object> STRINGS = (a, b) -> compareCodePoints((String) a, (String) b);

  private static final Comparator<Object> BYTES = (a, b) -> Arrays.compareUnsigned((byte[]) a, (byte[]) b);

  /** The order of {@code type}'s values; throws for types SQL cannot order (ARRAY, MAP, ROW…). */
  static Comparator<Object> forType(LogicalType type, String function) {
    return switch (type.root()) {
      case CHAR, VARCHAR -> STRINGS;
      case BINARY, VARBINARY -> BYTES;
      case BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, FLOAT, DOUBLE, DECIMAL, DATE, TIME, TIMESTAMP,
          TIMESTAMP_LTZ, INTERVAL_DAY_TIME, INTERVAL_YEAR_MONTH -> NATURAL;
      default -> throw new IllegalArgumentException(
          function + " cannot order values of type " + type.asSummaryString()
              + "; it takes a number, string, binary, boolean, date, time, timestamp or interval");
    };
  }

  /**
   * Unicode code point order, which is the order of the UTF-8 bytes Flink compares. {@link
   * String#compareTo} compares UTF-16 units instead, which puts a supplementary character (a
   * surrogate pair, 0xD800…) before U+E000…U+FFFF although its code point is larger.
   */
  static int compareCodePoints(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char ca = a.charAt(i);
      char cb = b.charAt(i);
      if (ca != cb) {
        if (ca >= 0xD800 && cb >= 0xD800) {
          // Move surrogates above U+E000…U+FFFF and those below them (ICU's compareCodePointOrder).
          return fixUp(ca) - fixUp(cb);
        }
        return ca - cb;
      }
    }
    return a.length() - b.length();
  }

  private static int fixUp(char c) {
    return c >= 0xE000 ? c - 0x800 : c + 0x2000;
  }
}
