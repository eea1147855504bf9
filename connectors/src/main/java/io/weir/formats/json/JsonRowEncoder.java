package io.weir.formats.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.weir.common.data.Row;
import io.weir.common.error.WeirException;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import io.weir.formats.internal.TemporalText;
import io.weir.runtime.format.RowEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Writes a row as one JSON object the way Flink's JSON format does: fields named and ordered as in
 * the row type; numbers as JSON numbers (DECIMAL as {@link BigDecimal#toString()}, so {@code 12.50}
 * stays {@code 12.50} and {@code 0.000000027} becomes {@code 2.7E-8} unless {@code
 * encode.decimal-as-plain-number}); BOOLEAN as {@code true}/{@code false}; BYTES base64; DATE {@code
 * 2020-04-15}; TIME {@code 08:05:00} (whole seconds, as Flink); TIMESTAMP {@code 2020-04-15
 * 08:05:00.5} (fraction only as long as needed; {@code T} instead of the space with ISO-8601);
 * TIMESTAMP_LTZ the same in UTC with a trailing {@code Z}; NULL as {@code null}.
 */
final class JsonRowEncoder implements RowEncoder, EmbeddedJsonRows.Writer {
  private final JsonFactory factory = new JsonFactory();
  private final ByteArrayBuilder buffer = new ByteArrayBuilder(256);
  private final RowWriter root;
  private final JsonFormatOptions options;

  JsonRowEncoder(RowType type, JsonFormatOptions options) {
    this.options = options;
    this.root = new RowWriter(type.names(), type.types(), "");
  }

  /** Writes {@code row} as one object, e.g. the {@code "after"} value of a Debezium envelope. */
  @Override
  public void write(JsonGenerator g, Row row) throws IOException {
    root.write(g, row);
  }

  @Override
  public byte[] encode(Row row) {
    buffer.reset();
    try (JsonGenerator g = factory.createGenerator(buffer)) {
      root.write(g, row);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not serialize row " + row + " as JSON", e);
    }
    return buffer.toByteArray();
  }

  /** Writes one non-null value. */
  private interface Writer {
    void write(JsonGenerator g, Object value) throws IOException;
  }

  private Writer writer(LogicalType type, String path) {
    return switch (type.root()) {
      case NULL -> (g, v) -> g.writeNull();
      case BOOLEAN -> (g, v) -> g.writeBoolean((Boolean) v);
      case TINYINT, SMALLINT, INTEGER, INTERVAL_YEAR_MONTH -> (g, v) -> g.writeNumber(((Number) v).intValue());
      case BIGINT, INTERVAL_DAY_TIME -> (g, v) -> g.writeNumber(((Number) v).longValue());
      case FLOAT -> (g, v) -> g.writeNumber(((Number) v).floatValue());
      case DOUBLE -> (g, v) -> g.writeNumber(((Number) v).doubleValue());
      case DECIMAL -> options.decimalAsPlainNumber()
          ? (g, v) -> g.writeNumber(((BigDecimal) v).toPlainString())
          : (g, v) -> g.writeNumber((BigDecimal) v);
      case CHAR, VARCHAR -> (g, v) -> g.writeString((String) v);
      case BINARY, VARBINARY -> (g, v) -> g.writeBinary((byte[]) v);
      case DATE -> (g, v) -> g.writeString(TemporalText.formatDate(((Number) v).intValue()));
      case TIME -> (g, v) -> g.writeString(TemporalText.formatTime(((Number) v).intValue(), false));
      case TIMESTAMP -> {
        char sep = options.isoTimestamps() ? 'T' : ' ';
        yield (g, v) -> g.writeString(TemporalText.formatTimestamp(((Number) v).longValue(), sep, false));
      }
      case TIMESTAMP_LTZ -> {
        char sep = options.isoTimestamps() ? 'T' : ' ';
        yield (g, v) -> g.writeString(TemporalText.formatTimestamp(((Number) v).longValue(), sep, true));
      }
      case ARRAY -> {
        Writer element = writer(type.elementType(), path + "[]");
        yield (g, v) -> {
          g.writeStartArray();
          for (Object e : (List<?>) v) {
            if (e == null) {
              g.writeNull();
            } else {
              element.write(g, e);
            }
          }
          g.writeEndArray();
        };
      }
      case MAP -> mapWriter(type, path);
      case ROW -> {
        List<String> names = type.fieldNames();
        List<LogicalType> types = type.children().stream().map(LogicalType.Field::type).toList();
        RowWriter nested = new RowWriter(names, types, path);
        yield (g, v) -> nested.write(g, (Row) v);
      }
      default -> throw new WeirException(
          "The '" + options.format() + "' format does not support type " + type.asSummaryString()
              + (path.isEmpty() ? "" : " (field '" + path + "')") + ".");
    };
  }

  private Writer mapWriter(LogicalType type, String path) {
    LogicalType keyType = type.children().get(0).type();
    if (!keyType.root().isCharacterString()) {
      throw new WeirException(
          "The '" + options.format() + "' format supports only string keys in a MAP, but "
              + (path.isEmpty() ? "a field" : "field '" + path + "'") + " has type "
              + type.asSummaryString() + ".");
    }
    Writer value = writer(type.children().get(1).type(), path + "[]");
    return (g, v) -> {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        String key = (String) e.getKey();
        if (key == null) {
          switch (options.mapNullKeyMode()) {
            case FAIL -> throw new WeirException(
                "The '" + options.format() + "' format cannot write a MAP with a null key (field '"
                    + path + "'). Drop such entries with '" + options.format() + ".map-null-key.mode'"
                    + " = 'DROP', or write them under a literal key with '" + options.format()
                    + ".map-null-key.mode' = 'LITERAL'.");
            case DROP -> {
              continue;
            }
            case LITERAL -> key = options.mapNullKeyLiteral();
          }
        }
        g.writeFieldName(key);
        if (e.getValue() == null) {
          g.writeNull();
        } else {
          value.write(g, e.getValue());
        }
      }
      g.writeEndObject();
    };
  }

  private final class RowWriter {
    private final String[] names;
    private final Writer[] writers;

    RowWriter(List<String> names, List<LogicalType> types, String path) {
      this.names = names.toArray(new String[0]);
      this.writers = new Writer[this.names.length];
      for (int i = 0; i < writers.length; i++) {
        writers[i] = writer(types.get(i), path.isEmpty() ? this.names[i] : path + "." + this.names[i]);
      }
    }

    void write(JsonGenerator g, Row row) throws IOException {
      g.writeStartObject();
      for (int i = 0; i < names.length; i++) {
        Object v = row.field(i);
        if (v == null) {
          if (!options.ignoreNullFields()) {
            g.writeFieldName(names[i]);
            g.writeNull();
          }
        } else {
          g.writeFieldName(names[i]);
          writers[i].write(g, v);
        }
      }
      g.writeEndObject();
    }
  }
}
