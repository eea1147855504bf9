package io.weir.gateway;

import com.fasterxml.jackson.core.JsonGenerator;
import io.weir.common.data.Row;
import io.weir.common.data.RowKind;
import io.weir.common.data.ValueFormatter;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flink's FetchResults body: {@code resultType, isQueryResult, jobID, resultKind, results, nextResultUri}
 * in that order, with columns typed as Flink's {@code LogicalTypeJsonSerializer} writes them and
 * values encoded as Flink's JSON row format ({@code rowFormat=JSON}) or as the SQL client prints
 * them ({@code PLAIN_TEXT}).
 */
final class ResultJson {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

  enum RowFormat { JSON, PLAIN_TEXT }

  private ResultJson() {}

  static String notReady(String nextResultUri) {
    return Json.write(g -> {
      g.writeStartObject();
      g.writeStringField("resultType", "NOT_READY");
      g.writeStringField("nextResultUri", nextResultUri);
      g.writeEndObject();
    });
  }

  /**
   * @param jobId null when the statement started no job
   * @param nextResultUri null at the end of the stream
   */
  static String page(String resultType, boolean isQueryResult, String jobId, String resultKind, RowType schema,
      RowFormat format, List<Row> rows, ZoneId zone, String nextResultUri) {
    return Json.write(g -> {
      g.writeStartObject();
      g.writeStringField("resultType", resultType);
      g.writeBooleanField("isQueryResult", isQueryResult);
      if (jobId != null) {
        g.writeStringField("jobID", jobId);
      }
      g.writeStringField("resultKind", resultKind);
      g.writeObjectFieldStart("results");
      g.writeArrayFieldStart("columns");
      for (RowType.Column c : schema.columns()) {
        g.writeStartObject();
        g.writeStringField("name", c.name());
        g.writeFieldName("logicalType");
        writeType(g, c.type());
        g.writeNullField("comment");
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeStringField("rowFormat", format.name());
      g.writeArrayFieldStart("data");
      for (Row row : rows) {
        g.writeStartObject();
        g.writeStringField("kind", kind(row.kind()));
        g.writeArrayFieldStart("fields");
        for (int i = 0; i < schema.arity(); i++) {
          Object value = i < row.arity() ? row.field(i) : null;
          if (format == RowFormat.JSON) {
            writeJsonValue(g, value, schema.type(i), zone);
          } else if (value == null) {
            g.writeNull();
          } else {
            g.writeString(plainText(value, schema.type(i), zone));
          }
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      if (nextResultUri != null) {
        g.writeStringField("nextResultUri", nextResultUri);
      }
      g.writeEndObject();
    });
  }

  private static String kind(RowKind kind) {
    return kind.name(); // INSERT, UPDATE_BEFORE, UPDATE_AFTER, DELETE, as Flink names them
  }

  /** Flink's LogicalType JSON: {@code {"type":"VARCHAR","nullable":true,"length":2147483647}}. */
  static void writeType(JsonGenerator g, LogicalType t) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", flinkRoot(t));
    if (t.root() == io.weir.common.types.TypeRoot.NULL) {
      g.writeEndObject();
      return;
    }
    g.writeBooleanField("nullable", t.nullable());
    switch (t.root()) {
      case CHAR, VARCHAR, BINARY, VARBINARY -> g.writeNumberField("length", t.precision());
      case DECIMAL -> {
        g.writeNumberField("precision", t.precision());
        g.writeNumberField("scale", t.scale());
      }
      case TIME, TIMESTAMP, TIMESTAMP_LTZ -> g.writeNumberField("precision", t.precision());
      case ARRAY, MULTISET -> {
        g.writeFieldName("elementType");
        writeType(g, t.elementType());
      }
      case MAP -> {
        g.writeFieldName("keyType");
        writeType(g, t.children().get(0).type());
        g.writeFieldName("valueType");
        writeType(g, t.children().get(1).type());
      }
      case ROW -> {
        g.writeArrayFieldStart("fields");
        for (LogicalType.Field f : t.children()) {
          g.writeStartObject();
          g.writeStringField("name", f.name());
          g.writeFieldName("fieldType");
          writeType(g, f.type());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      // Weir keeps day-time intervals in milliseconds: Flink's INTERVAL DAY(2) TO SECOND(3).
      case INTERVAL_DAY_TIME -> {
        g.writeNumberField("precision", 2);
        g.writeNumberField("fractionalPrecision", 3);
        g.writeStringField("resolution", "SECOND");
      }
      case INTERVAL_YEAR_MONTH -> {
        g.writeNumberField("precision", 2);
        g.writeStringField("resolution", "MONTH");
      }
      default -> { }
    }
    g.writeEndObject();
  }

  private static String flinkRoot(LogicalType t) {
    return switch (t.root()) {
      case TIME -> "TIME_WITHOUT_TIME_ZONE";
      case TIMESTAMP -> "TIMESTAMP_WITHOUT_TIME_ZONE";
      case TIMESTAMP_LTZ -> "TIMESTAMP_WITH_LOCAL_TIME_ZONE";
      default -> t.root().name();
    };
  }

  /** A value as Flink's JSON format writes it (ISO-8601 times, base64 bytes, rows as objects). */
  static void writeJsonValue(JsonGenerator g, Object value, LogicalType t, ZoneId zone) throws IOException {
    if (value == null) {
      g.writeNull();
      return;
    }
    switch (t.root()) {
      case BOOLEAN -> g.writeBoolean((Boolean) value);
      case TINYINT, SMALLINT, INTEGER -> g.writeNumber(((Number) value).intValue());
      case BIGINT, INTERVAL_DAY_TIME -> g.writeNumber(((Number) value).longValue());
      case INTERVAL_YEAR_MONTH -> g.writeNumber(((Number) value).intValue());
      case FLOAT -> g.writeNumber(((Number) value).floatValue());
      case DOUBLE -> g.writeNumber(((Number) value).doubleValue());
      // BigDecimal.toString, as Flink: 12.345, and 1E+20 for CAST(1E20 AS DECIMAL(38,0)).
      case DECIMAL -> g.writeNumber((BigDecimal) value);
      case CHAR, VARCHAR -> g.writeString(value.toString());
      case BINARY, VARBINARY -> g.writeBinary((byte[]) value);
      case DATE -> g.writeString(LocalDate.ofEpochDay(((Number) value).longValue()).toString());
      // Flink's JSON converter drops the fraction of a TIME.
      case TIME -> g.writeString(TIME.format(LocalTime.ofSecondOfDay(((Number) value).longValue() / 1000)));
      case TIMESTAMP -> g.writeString(TIMESTAMP.format(
          LocalDateTime.ofInstant(Instant.ofEpochMilli(((Number) value).longValue()), ZoneOffset.UTC)));
      // Shifted into the session's zone, then printed with a literal Z, as Flink does.
      case TIMESTAMP_LTZ -> g.writeString(TIMESTAMP.format(
          LocalDateTime.ofInstant(Instant.ofEpochMilli(((Number) value).longValue()), zone)) + "Z");
      case ARRAY -> {
        g.writeStartArray();
        for (Object e : (List<?>) value) {
          writeJsonValue(g, e, t.elementType(), zone);
        }
        g.writeEndArray();
      }
      case MULTISET -> {
        g.writeStartObject();
        for (Map.Entry<?, ?> e : multisetCounts(value).entrySet()) {
          g.writeFieldName(key(e.getKey(), t.elementType(), zone));
          g.writeNumber(((Number) e.getValue()).intValue());
        }
        g.writeEndObject();
      }
      case MAP -> {
        LogicalType kt = t.children().get(0).type();
        LogicalType vt = t.children().get(1).type();
        g.writeStartObject();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
          g.writeFieldName(key(e.getKey(), kt, zone));
          writeJsonValue(g, e.getValue(), vt, zone);
        }
        g.writeEndObject();
      }
      case ROW -> {
        Row r = (Row) value;
        g.writeStartObject();
        for (int i = 0; i < t.children().size(); i++) {
          g.writeFieldName(t.children().get(i).name());
          writeJsonValue(g, i < r.arity() ? r.field(i) : null, t.children().get(i).type(), zone);
        }
        g.writeEndObject();
      }
      default -> g.writeString(value.toString());
    }
  }

  /**
   * A map key as a JSON field name. Flink fails the whole page on a non-string key ("JSON format
   * doesn't support non-string as key type of map"); Weir writes the key as the SQL client prints it.
   */
  private static String key(Object key, LogicalType type, ZoneId zone) {
    return key instanceof String s ? s : ValueFormatter.format(key, type, "null", zone);
  }

  private static Map<?, ?> multisetCounts(Object value) {
    if (value instanceof Map<?, ?> m) {
      return m;
    }
    Map<Object, Integer> counts = new LinkedHashMap<>();
    for (Object e : (List<?>) value) {
      counts.merge(e, 1, Integer::sum);
    }
    return counts;
  }

  /** A value as Flink's SQL client prints it: {@code 2024-05-06 07:08:09.000}, {@code TRUE}, {@code +1-02}. */
  static String plainText(Object value, LogicalType t, ZoneId zone) {
    return switch (t.root()) {
      case INTERVAL_DAY_TIME -> dayTime(((Number) value).longValue());
      case INTERVAL_YEAR_MONTH -> yearMonth(((Number) value).intValue());
      default -> ValueFormatter.format(value, t, "NULL", zone);
    };
  }

  /** {@code +2 00:00:00.000} for two days. */
  private static String dayTime(long millis) {
    String sign = millis < 0 ? "-" : "+";
    long m = Math.abs(millis);
    return String.format("%s%d %02d:%02d:%02d.%03d", sign, m / 86_400_000L, m / 3_600_000L % 24,
        m / 60_000L % 60, m / 1000L % 60, m % 1000L);
  }

  /** {@code +1-02} for fourteen months. */
  private static String yearMonth(int months) {
    String sign = months < 0 ? "-" : "+";
    int m = Math.abs(months);
    return String.format("%s%d-%02d", sign, m / 12, m % 12);
  }
}
