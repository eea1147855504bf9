package io.weir.formats.csv;

import io.weir.common.data.Row;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import io.weir.formats.internal.TemporalText;
import io.weir.runtime.format.RowEncoder;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Writes a row as one CSV record the way Flink's CSV format does: fields in column order separated
 * by the field delimiter; a field quoted only when it holds the delimiter, the quote character, the
 * escape character or a line break (a quote inside doubled, or preceded by the escape character when
 * one is set); NULL as {@code null-literal}, or nothing; BOOLEAN {@code true}/{@code false}; DECIMAL
 * as {@link BigDecimal#toString()} (plain with {@code write-bigdecimal-in-scientific-notation} =
 * false); BYTES base64; DATE {@code 2020-04-15}; TIME {@code 08:05:00.5}; TIMESTAMP {@code 2020-04-15
 * 08:05:00.5} (fraction only as long as needed); TIMESTAMP_LTZ the same in UTC with {@code Z};
 * ARRAY elements and nested ROW fields joined by {@code array-element-delimiter}.
 */
final class CsvRowEncoder implements RowEncoder {
  private final CsvFormatOptions options;
  private final Renderer[] renderers;
  private final StringBuilder sb = new StringBuilder(256);

  CsvRowEncoder(RowType type, CsvFormatOptions options) {
    this.options = options;
    this.renderers = new Renderer[type.arity()];
    for (int i = 0; i < renderers.length; i++) {
      renderers[i] = renderer(type.type(i), type.name(i), true);
    }
  }

  @Override
  public byte[] encode(Row row) {
    sb.setLength(0);
    for (int i = 0; i < renderers.length; i++) {
      if (i > 0) {
        sb.append(options.delimiter());
      }
      Object v = row.field(i);
      if (v == null) {
        if (options.nullLiteral() != null) {
          appendField(options.nullLiteral());
        }
      } else {
        appendField(renderers[i].render(v));
      }
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private void appendField(String text) {
    char quote = options.quote();
    char escape = options.escape();
    if (!needsQuoting(text)) {
      sb.append(text);
      return;
    }
    if (quote == 0) {
      // Without quoting, only an escape character can protect the special characters.
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (escape != 0 && (c == options.delimiter() || c == escape || c == '\n' || c == '\r')) {
          sb.append(escape);
        }
        sb.append(c);
      }
      return;
    }
    sb.append(quote);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == quote) {
        sb.append(escape != 0 ? escape : quote);
      } else if (escape != 0 && c == escape) {
        sb.append(escape);
      }
      sb.append(c);
    }
    sb.append(quote);
  }

  private boolean needsQuoting(String text) {
    char delimiter = options.delimiter();
    char quote = options.quote();
    char escape = options.escape();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == delimiter || c == '\n' || c == '\r' || (quote != 0 && c == quote) || (escape != 0 && c == escape)) {
        return true;
      }
    }
    return false;
  }

  /** The text of one non-null value. */
  private interface Renderer {
    String render(Object value);
  }

  private Renderer renderer(LogicalType type, String column, boolean topLevel) {
    return switch (type.root()) {
      case NULL -> v -> "";
      case CHAR, VARCHAR -> v -> (String) v;
      case BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, FLOAT, DOUBLE, INTERVAL_YEAR_MONTH,
          INTERVAL_DAY_TIME -> String::valueOf;
      case DECIMAL -> options.decimalInScientificNotation()
          ? v -> v.toString()
          : v -> ((BigDecimal) v).toPlainString();
      case BINARY, VARBINARY -> v -> Base64.getEncoder().encodeToString((byte[]) v);
      case DATE -> v -> TemporalText.formatDate(((Number) v).intValue());
      case TIME -> v -> TemporalText.formatTime(((Number) v).intValue(), true);
      case TIMESTAMP -> v -> TemporalText.formatTimestamp(((Number) v).longValue(), ' ', false);
      case TIMESTAMP_LTZ -> v -> TemporalText.formatTimestamp(((Number) v).longValue(), ' ', true);
      case ARRAY -> {
        if (!topLevel) {
          throw CsvRowDecoder.unsupported(type, column);
        }
        Renderer element = renderer(type.elementType(), column, false);
        yield v -> {
          StringBuilder out = new StringBuilder();
          List<?> list = (List<?>) v;
          for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
              out.append(options.arrayElementDelimiter());
            }
            Object e = list.get(i);
            out.append(e == null ? nullText() : element.render(e));
          }
          return out.toString();
        };
      }
      case ROW -> {
        if (!topLevel) {
          throw CsvRowDecoder.unsupported(type, column);
        }
        List<LogicalType.Field> fields = type.children();
        Renderer[] nested = new Renderer[fields.size()];
        for (int i = 0; i < nested.length; i++) {
          nested[i] = renderer(fields.get(i).type(), column, false);
        }
        yield v -> {
          Row r = (Row) v;
          StringBuilder out = new StringBuilder();
          for (int i = 0; i < nested.length; i++) {
            if (i > 0) {
              out.append(options.arrayElementDelimiter());
            }
            Object e = r.field(i);
            out.append(e == null ? nullText() : nested[i].render(e));
          }
          return out.toString();
        };
      }
      default -> throw CsvRowDecoder.unsupported(type, column);
    };
  }

  private String nullText() {
    return options.nullLiteral() == null ? "" : options.nullLiteral();
  }
}
