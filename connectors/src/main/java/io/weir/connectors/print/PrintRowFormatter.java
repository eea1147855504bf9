package io.weir.connectors.print;

import io.weir.common.data.Row;
import io.weir.common.types.LogicalType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A row as Flink 1.20's {@code print} connector shows it. Flink converts the row to its external
 * Java classes and prints {@code Row.toString()}: the kind's short string, then the fields in
 * brackets, each rendered by its Java class's {@code toString}:
 *
 * <pre>
 * +I[1, abc, 12.50, true, null]                    INT, STRING, DECIMAL(4, 2), BOOLEAN, NULL
 * +I[2020-04-15T08:05, 2020-04-15T08:05:00.123]    TIMESTAMP(3): LocalDateTime
 * +I[2020-04-15T08:05:00Z]                         TIMESTAMP_LTZ(3): Instant, always UTC
 * +I[2020-04-15, 08:05, [1, 2], {a=1}, +I[x, 1]]   DATE, TIME, ARRAY, MAP, ROW
 * +I[[1, 2, 3]]                                    BYTES: the signed byte values
 * </pre>
 *
 * <p>This is not the SQL client's rendering ({@code CAST(x AS STRING)}, e.g. {@code 2020-04-15
 * 08:05:00.000}, {@code TRUE}, {@code NULL}) — Flink's print sink really does print {@code
 * LocalDateTime.toString()}, and users compare against that.
 */
final class PrintRowFormatter {
  private final LogicalType[] types;

  PrintRowFormatter(List<LogicalType> types) {
    this.types = types.toArray(new LogicalType[0]);
  }

  String format(Row row) {
    StringBuilder sb = new StringBuilder(64);
    appendRow(sb, row, types);
    return sb.toString();
  }

  private static void appendRow(StringBuilder sb, Row row, LogicalType[] types) {
    sb.append(row.kind().shortString()).append('[');
    for (int i = 0; i < row.arity(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      append(sb, row.field(i), i < types.length ? types[i] : null);
    }
    sb.append(']');
  }

  private static void append(StringBuilder sb, Object v, LogicalType type) {
    if (v == null) {
      sb.append("null");
      return;
    }
    if (type == null) {
      sb.append(v instanceof byte[] b ? Arrays.toString(b) : String.valueOf(v));
      return;
    }
    switch (type.root()) {
      case DECIMAL -> sb.append(((BigDecimal) v).toString());
      case BINARY, VARBINARY -> sb.append(Arrays.toString((byte[]) v));
      case DATE -> sb.append(LocalDate.ofEpochDay(((Number) v).longValue()));
      case TIME -> sb.append(LocalTime.ofNanoOfDay(((Number) v).longValue() * 1_000_000L));
      case TIMESTAMP -> {
        long millis = ((Number) v).longValue();
        sb.append(LocalDateTime.ofEpochSecond(
            Math.floorDiv(millis, 1000L), (int) Math.floorMod(millis, 1000L) * 1_000_000, ZoneOffset.UTC));
      }
      case TIMESTAMP_LTZ -> sb.append(Instant.ofEpochMilli(((Number) v).longValue()));
      case INTERVAL_YEAR_MONTH -> sb.append(Period.ofMonths(((Number) v).intValue()));
      case INTERVAL_DAY_TIME -> sb.append(Duration.ofMillis(((Number) v).longValue()));
      case ARRAY -> {
        LogicalType element = type.elementType();
        sb.append('[');
        int i = 0;
        for (Object e : (List<?>) v) {
          if (i++ > 0) {
            sb.append(", ");
          }
          append(sb, e, element);
        }
        sb.append(']');
      }
      case MULTISET -> {
        // Flink's external form of a MULTISET is a map from element to its count.
        Map<Object, Object> counts = new LinkedHashMap<>();
        if (v instanceof Map<?, ?> m) {
          counts.putAll(m);
        } else {
          for (Object e : (List<?>) v) {
            counts.merge(e, 1, (a, b) -> (Integer) a + 1);
          }
        }
        appendMap(sb, counts, type.elementType(), LogicalType.integer());
      }
      case MAP -> appendMap(sb, (Map<?, ?>) v, type.children().get(0).type(), type.children().get(1).type());
      case ROW -> {
        LogicalType[] nested = new LogicalType[type.children().size()];
        for (int i = 0; i < nested.length; i++) {
          nested[i] = type.children().get(i).type();
        }
        appendRow(sb, (Row) v, nested);
      }
      default -> sb.append(v);
    }
  }

  private static void appendMap(StringBuilder sb, Map<?, ?> map, LogicalType keyType, LogicalType valueType) {
    sb.append('{');
    int i = 0;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (i++ > 0) {
        sb.append(", ");
      }
      append(sb, e.getKey(), keyType);
      sb.append('=');
      append(sb, e.getValue(), valueType);
    }
    sb.append('}');
  }
}
