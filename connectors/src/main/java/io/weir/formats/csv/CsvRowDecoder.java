package io.weir.formats.csv;

import io.weir.common.data.Row;
import io.weir.common.error.WeirException;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import io.weir.formats.RecordDecoder;
import io.weir.formats.internal.Snippets;
import io.weir.formats.internal.TemporalText;
import io.weir.formats.internal.TypeNames;
import io.weir.runtime.format.FormatException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

/**
 * Decodes one CSV record (RFC 4180: fields quoted with the quote character, a quote inside a quoted
 * field doubled or escaped) into a row, fields by POSITION. Every position is scanned, but only the
 * projected fields are cut out and converted.
 *
 * <p>As Flink's CSV format: a record with a different number of fields than the table has columns
 * is an error; a field equal to {@code null-literal} is NULL; an empty field is an empty string for
 * a string column; with {@code ignore-parse-errors} a field that does not
 * convert becomes NULL and missing trailing fields are NULL, while a record whose quoting is broken
 * is skipped. ARRAY elements and nested ROW fields are separated by {@code
 * array-element-delimiter}.
 *
 * <p>Where Flink differs: an empty field of a number, boolean or temporal column is NULL here (Flink
 * fails on it, so a NULL written without {@code null-literal} could not be read back); a BOOLEAN
 * other than {@code true}/{@code false} is an error here (Flink reads {@code false}).
 */
final class CsvRowDecoder implements RecordDecoder {
  private final CsvFormatOptions options;
  private final String[] names;
  private final LogicalType[] types;
  /** For each physical position, the output index, or -1 when the field is not read. */
  private final int[] outputIndex;
  private final Converter[] converters;
  /** Whether an empty field of the position is NULL: true for numbers, booleans and temporals. */
  private final boolean[] emptyIsNull;
  private final int outputArity;
  private final String[] texts;
  private final StringBuilder quoted = new StringBuilder();
  private final boolean asciiSyntax;
  private Consumer<String> skipListener = reason -> {};

  CsvRowDecoder(RowType physicalType, int[] projection, CsvFormatOptions options) {
    this.options = options;
    int arity = physicalType.arity();
    this.names = physicalType.names().toArray(new String[0]);
    this.types = physicalType.types().toArray(new LogicalType[0]);
    this.outputIndex = new int[arity];
    java.util.Arrays.fill(outputIndex, -1);
    this.converters = new Converter[arity];
    this.emptyIsNull = new boolean[arity];
    for (int i = 0; i < projection.length; i++) {
      int pos = projection[i];
      outputIndex[pos] = i;
      converters[pos] = converter(types[pos], names[pos]);
      emptyIsNull[pos] = switch (types[pos].root()) {
        case CHAR, VARCHAR, BINARY, VARBINARY, ARRAY, ROW -> false;
        default -> true;
      };
    }
    this.outputArity = projection.length;
    this.texts = new String[arity];
    this.asciiSyntax = options.delimiter() < 128 && options.quote() < 128 && options.escape() < 128;
  }

  @Override
  public void setSkipListener(Consumer<String> listener) {
    this.skipListener = listener;
  }

  @Override
  public boolean isIgnorable(byte[] line, int offset, int length) {
    return length == 0 || (options.allowComments() && line[offset] == '#');
  }

  /** Whether the record ends inside a quoted field, i.e. a line break is part of a value. */
  @Override
  public boolean isIncomplete(byte[] record, int offset, int length) {
    if (options.quote() == 0) {
      return false;
    }
    if (!asciiSyntax) {
      String s = new String(record, offset, length, StandardCharsets.UTF_8);
      return endsInQuotes(s::charAt, s.length());
    }
    return endsInQuotes(i -> (char) record[offset + i], length);
  }

  private interface CharAt {
    char at(int i);
  }

  private boolean endsInQuotes(CharAt text, int length) {
    char delimiter = options.delimiter();
    char quote = options.quote();
    char escape = options.escape();
    boolean inQuotes = false;
    boolean fieldStart = true;
    boolean justClosed = false;
    for (int i = 0; i < length; i++) {
      char c = text.at(i);
      if (inQuotes) {
        if (escape != 0 && c == escape) {
          i++;
        } else if (c == quote) {
          inQuotes = false;
          justClosed = true;
        }
        continue;
      }
      if (c == quote && (fieldStart || justClosed)) {
        inQuotes = true;
      } else if (escape != 0 && c == escape) {
        i++;
      }
      fieldStart = c == delimiter;
      justClosed = false;
    }
    return inQuotes;
  }

  @Override
  public Row decode(byte[] record, int offset, int length) throws FormatException {
    String line = new String(record, offset, length, StandardCharsets.UTF_8);
    int fields;
    try {
      fields = split(line);
    } catch (SyntaxError e) {
      return fail(line, e.getMessage());
    }
    if (fields != names.length && !options.ignoreParseErrors()) {
      return fail(line, "expected " + names.length + " fields but found " + fields);
    }
    Object[] values = new Object[outputArity];
    for (int pos = 0; pos < names.length; pos++) {
      int out = outputIndex[pos];
      if (out < 0 || pos >= fields) {
        continue;
      }
      String text = texts[pos];
      if (text == null || text.equals(options.nullLiteral()) || (emptyIsNull[pos] && text.isEmpty())) {
        continue;
      }
      try {
        values[out] = converters[pos].convert(text);
      } catch (ConversionError e) {
        if (!options.ignoreParseErrors()) {
          return fail(line, "column '" + names[pos] + "' (position " + (pos + 1) + "): " + e.getMessage());
        }
      }
    }
    return Row.of(values);
  }

  private Row fail(String line, String problem) throws FormatException {
    String message =
        "Failed to deserialize CSV row '" + Snippets.cut(line, Snippets.RECORD_LIMIT) + "': " + problem;
    if (options.ignoreParseErrors()) {
      skipListener.accept(message);
      return null;
    }
    throw new FormatException(message);
  }

  // ---------------------------------------------------------------------------------------------
  // Splitting

  private static final class SyntaxError extends Exception {
    SyntaxError(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Cuts {@code line} into fields, keeping the text of the projected positions in {@link #texts}.
   *
   * @return the number of fields in the record
   */
  private int split(String line) throws SyntaxError {
    char delimiter = options.delimiter();
    char quote = options.quote();
    char escape = options.escape();
    int n = line.length();
    int i = 0;
    int pos = 0;
    while (true) {
      boolean keep = pos < outputIndex.length && outputIndex[pos] >= 0;
      String text;
      if (quote != 0 && i < n && line.charAt(i) == quote) {
        int start = i++;
        quoted.setLength(0);
        while (true) {
          if (i >= n) {
            throw new SyntaxError(
                "the quoted field at position " + (pos + 1) + " (column " + (start + 1)
                    + " of the record) is not closed");
          }
          char c = line.charAt(i);
          if (escape != 0 && c == escape && i + 1 < n) {
            quoted.append(line.charAt(i + 1));
            i += 2;
          } else if (c == quote) {
            if (i + 1 < n && line.charAt(i + 1) == quote) {
              quoted.append(quote);
              i += 2;
            } else {
              i++;
              break;
            }
          } else {
            quoted.append(c);
            i++;
          }
        }
        if (i < n && line.charAt(i) != delimiter) {
          throw new SyntaxError(
              "unexpected character '" + line.charAt(i) + "' after the closing quote of the field at"
                  + " position " + (pos + 1) + " (column " + (i + 1) + " of the record)");
        }
        text = keep ? quoted.toString() : null;
      } else if (escape == 0) {
        int end = line.indexOf(delimiter, i);
        if (end < 0) {
          end = n;
        }
        text = keep ? line.substring(i, end) : null;
        i = end;
      } else {
        quoted.setLength(0);
        while (i < n) {
          char c = line.charAt(i);
          if (c == delimiter) {
            break;
          }
          if (c == escape && i + 1 < n) {
            c = line.charAt(++i);
          }
          quoted.append(c);
          i++;
        }
        text = keep ? quoted.toString() : null;
      }
      if (pos < texts.length) {
        texts[pos] = text;
      }
      pos++;
      if (i >= n) {
        return pos;
      }
      i++; // the delimiter; a record ending in one has an empty last field
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Conversions

  private static final class ConversionError extends Exception {
    ConversionError(String message) {
      super(message, null, false, false);
    }
  }

  private interface Converter {
    Object convert(String text) throws ConversionError;
  }

  private Converter converter(LogicalType type, String column) {
    return switch (type.root()) {
      case NULL -> s -> null;
      case CHAR, VARCHAR -> s -> s;
      case BOOLEAN -> s -> {
        String t = s.trim();
        if (t.equalsIgnoreCase("true")) {
          return Boolean.TRUE;
        }
        if (t.equalsIgnoreCase("false")) {
          return Boolean.FALSE;
        }
        throw expected(type, s, null);
      };
      case TINYINT -> s -> {
        try {
          return Byte.parseByte(s.trim());
        } catch (NumberFormatException e) {
          throw expected(type, s, null);
        }
      };
      case SMALLINT -> s -> {
        try {
          return Short.parseShort(s.trim());
        } catch (NumberFormatException e) {
          throw expected(type, s, null);
        }
      };
      case INTEGER, INTERVAL_YEAR_MONTH -> s -> {
        try {
          return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
          throw expected(type, s, null);
        }
      };
      case BIGINT, INTERVAL_DAY_TIME -> s -> {
        try {
          return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
          throw expected(type, s, null);
        }
      };
      case FLOAT -> s -> {
        try {
          return Float.parseFloat(s.trim());
        } catch (NumberFormatException e) {
          throw expected(type, s, null);
        }
      };
      case DOUBLE -> s -> {
        try {
          return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
          throw expected(type, s, null);
        }
      };
      case DECIMAL -> s -> {
        BigDecimal d;
        try {
          d = new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
          throw expected(type, s, null);
        }
        BigDecimal scaled = d.setScale(type.scale(), RoundingMode.HALF_UP);
        return scaled.precision() > type.precision() ? null : scaled;
      };
      case BINARY, VARBINARY -> s -> {
        try {
          return Base64.getDecoder().decode(s.trim());
        } catch (IllegalArgumentException e) {
          throw expected(type, s, "base64 text");
        }
      };
      case DATE -> s -> {
        try {
          return TemporalText.parseLenientDate(s.trim());
        } catch (RuntimeException e) {
          throw expected(type, s, "'yyyy-MM-dd'");
        }
      };
      case TIME -> {
        int precision = Math.min(type.precision(), 3);
        int unit = precision == 0 ? 1000 : precision == 1 ? 100 : precision == 2 ? 10 : 1;
        yield s -> {
          try {
            int millis = (int) (LocalTime.parse(s.trim()).toNanoOfDay() / 1_000_000L);
            return millis / unit * unit;
          } catch (RuntimeException e) {
            throw expected(type, s, "'HH:mm:ss[.fraction]'");
          }
        };
      }
      case TIMESTAMP -> s -> {
        try {
          return TemporalText.parseTimestamp(s.trim(), TemporalText.SQL_TIMESTAMP);
        } catch (RuntimeException e) {
          throw expected(type, s, "'yyyy-MM-dd HH:mm:ss[.fraction]'");
        }
      };
      case TIMESTAMP_LTZ -> s -> {
        try {
          return TemporalText.parseTimestamp(s.trim(), TemporalText.SQL_TIMESTAMP_LTZ);
        } catch (RuntimeException e) {
          throw expected(type, s, "'yyyy-MM-dd HH:mm:ss[.fraction]Z'");
        }
      };
      case ARRAY -> {
        Converter element = nestedConverter(type.elementType(), column);
        yield s -> {
          List<Object> list = new ArrayList<>();
          if (s.isEmpty()) {
            return list;
          }
          for (String e : splitElements(s)) {
            list.add(element == null || e.equals(options.nullLiteral()) ? null : element.convert(e));
          }
          return list;
        };
      }
      case ROW -> {
        List<LogicalType.Field> fields = type.children();
        Converter[] nested = new Converter[fields.size()];
        for (int i = 0; i < nested.length; i++) {
          nested[i] = nestedConverter(fields.get(i).type(), column);
        }
        yield s -> {
          List<String> parts = splitElements(s);
          Object[] values = new Object[nested.length];
          for (int i = 0; i < nested.length && i < parts.size(); i++) {
            String e = parts.get(i);
            values[i] = e.equals(options.nullLiteral()) ? null : nested[i].convert(e);
          }
          return Row.of(values);
        };
      }
      default -> throw unsupported(type, column);
    };
  }

  /** Elements of an ARRAY and fields of a nested ROW: scalars only, as in Flink. */
  private Converter nestedConverter(LogicalType type, String column) {
    return switch (type.root()) {
      case ARRAY, ROW, MAP, MULTISET -> throw unsupported(type, column);
      default -> converter(type, column);
    };
  }

  private List<String> splitElements(String s) {
    String delimiter = options.arrayElementDelimiter();
    List<String> parts = new ArrayList<>();
    int start = 0;
    int end;
    while ((end = s.indexOf(delimiter, start)) >= 0) {
      parts.add(s.substring(start, end));
      start = end + delimiter.length();
    }
    parts.add(s.substring(start));
    return parts;
  }

  static WeirException unsupported(LogicalType type, String column) {
    return new WeirException(
        "The 'csv' format does not support type " + type.asSummaryString() + " (column '" + column
            + "'); it supports scalars, ARRAY of scalars and ROW of scalars.");
  }

  private static ConversionError expected(LogicalType type, String text, String form) {
    return new ConversionError(
        "expected " + TypeNames.of(type) + (form == null ? "" : " as " + form) + " but found '"
            + Snippets.cut(text, Snippets.VALUE_LIMIT) + "'");
  }
}
