package io.weir.common.data;

import io.weir.common.types.LogicalType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Renders internal values the way Flink's {@code CAST(x AS STRING)} does, which is also how Flink's
 * SQL client shows them: {@code 2020-04-15 08:05:00.000} for a
 * TIMESTAMP(3), {@code TRUE}, {@code NULL} (by the caller's choice), {@code [1, 2]}, {@code {a=1}}.
 */
public final class ValueFormatter {
  private ValueFormatter() {}

  /** The value as a string, with {@code null} rendered as {@code nullText}. */
  public static String format(Object value, LogicalType type, String nullText, ZoneId zone) {
    if (value == null) {
      return nullText;
    }
    return switch (type.root()) {
      case BOOLEAN -> ((Boolean) value) ? "TRUE" : "FALSE";
      case DECIMAL -> ((BigDecimal) value).toPlainString();
      case DATE -> LocalDate.ofEpochDay(((Number) value).longValue()).toString();
      case TIME -> formatTime(((Number) value).intValue(), type.precision());
      case TIMESTAMP -> formatTimestamp(((Number) value).longValue(), type.precision(), ZoneOffset.UTC);
      case TIMESTAMP_LTZ -> formatTimestamp(((Number) value).longValue(), type.precision(), zone);
      case BINARY, VARBINARY -> hex((byte[]) value);
      case ARRAY, MULTISET -> {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (Object e : (List<?>) value) {
          j.add(format(e, type.elementType(), "NULL", zone));
        }
        yield j.toString();
      }
      case MAP -> {
        StringJoiner j = new StringJoiner(", ", "{", "}");
        LogicalType kt = type.children().get(0).type();
        LogicalType vt = type.children().get(1).type();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
          j.add(format(e.getKey(), kt, "NULL", zone) + "=" + format(e.getValue(), vt, "NULL", zone));
        }
        yield j.toString();
      }
      case ROW -> {
        Row r = (Row) value;
        StringJoiner j = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < r.arity(); i++) {
          j.add(format(r.field(i), type.children().get(i).type(), "NULL", zone));
        }
        yield j.toString();
      }
      default -> String.valueOf(value);
    };
  }

  /** {@code yyyy-MM-dd HH:mm:ss} plus exactly {@code precision} fractional digits. */
  public static String formatTimestamp(long epochMillis, int precision, ZoneId zone) {
    LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), zone);
    StringBuilder sb = new StringBuilder(29);
    sb.append(t.toLocalDate()).append(' ');
    appendTimeOfDay(sb, t.toLocalTime(), precision);
    return sb.toString();
  }

  private static String formatTime(int millisOfDay, int precision) {
    StringBuilder sb = new StringBuilder(12);
    appendTimeOfDay(sb, LocalTime.ofNanoOfDay(millisOfDay * 1_000_000L), precision);
    return sb.toString();
  }

  private static void appendTimeOfDay(StringBuilder sb, LocalTime t, int precision) {
    two(sb, t.getHour()).append(':');
    two(sb, t.getMinute()).append(':');
    two(sb, t.getSecond());
    if (precision > 0) {
      String nanos = String.format("%09d", t.getNano());
      sb.append('.').append(nanos, 0, Math.min(precision, 9));
    }
  }

  private static StringBuilder two(StringBuilder sb, int v) {
    if (v < 10) {
      sb.append('0');
    }
    return sb.append(v);
  }

  private static String hex(byte[] bytes) {
    StringBuilder sb = new StringBuilder("x'");
    for (byte b : bytes) {
      sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
    }
    return sb.append('\'').toString();
  }
}
