package io.weir.formats.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.MappingJsonFactory;
import io.weir.common.data.Row;
import io.weir.common.error.WeirException;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import io.weir.formats.RecordDecoder;
import io.weir.formats.internal.JsonText;
import io.weir.formats.internal.Snippets;
import io.weir.formats.internal.TemporalText;
import io.weir.formats.internal.TypeNames;
import io.weir.runtime.format.FormatException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Decodes one JSON object into a row, field by NAME, with Jackson's streaming parser: fields the row
 * does not need are skipped without being converted. Follows Flink's JSON format: a missing field is
 * NULL (or an error with {@code fail-on-missing-field}); numbers and booleans may be given as
 * strings; a STRING column takes any JSON value as its text; DECIMALs are rounded half-up to the
 * column's scale and become NULL when they do not fit its precision; BYTES are base64.
 *
 * <p>Stricter than Flink in one place: a BOOLEAN given as a string other than {@code true}/{@code
 * false} is an error, where Flink silently reads {@code false}.
 */
final class JsonRowDecoder implements RecordDecoder, EmbeddedJsonRows.Reader {
  /** A factory whose parsers can read a subtree, for JSON objects stored in STRING columns. */
  private static final JsonFactory FACTORY = new MappingJsonFactory();

  private final RowConverter root;
  private final String format;
  private final boolean ignoreParseErrors;
  private final boolean failOnMissingField;
  private final DateTimeFormatter timestampFormat;
  private final DateTimeFormatter timestampLtzFormat;
  private Consumer<String> skipListener = reason -> {};

  JsonRowDecoder(RowType type, JsonFormatOptions options) {
    this.format = options.format();
    this.ignoreParseErrors = options.ignoreParseErrors();
    this.failOnMissingField = options.failOnMissingField();
    this.timestampFormat = options.isoTimestamps() ? TemporalText.ISO_TIMESTAMP : TemporalText.SQL_TIMESTAMP;
    this.timestampLtzFormat =
        options.isoTimestamps() ? TemporalText.ISO_TIMESTAMP_LTZ : TemporalText.SQL_TIMESTAMP_LTZ;
    this.root = new RowConverter(type.names(), type.types(), "");
  }

  @Override
  public void setSkipListener(Consumer<String> listener) {
    this.skipListener = listener;
  }

  @Override
  public boolean isIgnorable(byte[] line, int offset, int length) {
    return JsonText.isBlank(line, offset, length);
  }

  @Override
  public Row decode(byte[] record, int offset, int length) throws FormatException {
    try (JsonParser p = FACTORY.createParser(record, offset, length)) {
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_OBJECT) {
        throw new FieldError("", "expected a JSON object but found " + JsonText.found(p, t));
      }
      return root.readRow(p);
    } catch (FieldError e) {
      return fail(record, offset, length, e.describe());
    } catch (JsonProcessingException e) {
      return fail(record, offset, length, JsonText.malformed(e));
    } catch (IOException e) {
      return fail(record, offset, length, "cannot be read: " + e.getMessage());
    }
  }

  /**
   * Reads the object whose START_OBJECT is {@code p}'s current token, up to its END_OBJECT, for a
   * format that wraps rows in a larger JSON document; {@code path} (e.g. {@code after}) prefixes
   * the field a message names. Never skips: {@code ignore-parse-errors} is the caller's to apply.
   */
  @Override
  public Row read(JsonParser p, String path) throws IOException, FormatException {
    try {
      return root.readRow(p);
    } catch (FieldError e) {
      throw new FormatException(e.within(path).describe());
    } catch (JsonProcessingException e) {
      throw new FormatException("field '" + path + "': " + JsonText.malformed(e));
    }
  }

  private Row fail(byte[] record, int offset, int length, String problem) throws FormatException {
    String message =
        "Failed to deserialize JSON '" + Snippets.record(record, offset, length) + "': " + problem;
    if (ignoreParseErrors) {
      skipListener.accept(message);
      return null;
    }
    throw new FormatException(message);
  }


  // ---------------------------------------------------------------------------------------------
  // Converters: built once per type, called with the parser on the value's first token.

  /** Reads one non-null JSON value of a field into its internal form. */
  private interface Converter {
    Object read(JsonParser p, JsonToken t) throws IOException, FieldError;
  }

  /** A value that does not fit its field; the path grows as the error leaves nested values. */
  private static final class FieldError extends Exception {
    final String path;
    final String problem;

    FieldError(String path, String problem) {
      super(problem, null, false, false);
      this.path = path;
      this.problem = problem;
    }

    FieldError within(String name) {
      if (path.isEmpty()) {
        return new FieldError(name, problem);
      }
      return new FieldError(path.startsWith("[") ? name + path : name + "." + path, problem);
    }

    String describe() {
      return path.isEmpty() ? problem : "field '" + path + "': " + problem;
    }
  }

  private Converter converter(LogicalType type, String path) {
    return switch (type.root()) {
      case NULL -> (p, t) -> {
        p.skipChildren();
        return null;
      };
      case BOOLEAN -> (p, t) -> readBoolean(p, t, type);
      case TINYINT -> (p, t) -> (byte) readIntegral(p, t, type, Byte.MIN_VALUE, Byte.MAX_VALUE);
      case SMALLINT -> (p, t) -> (short) readIntegral(p, t, type, Short.MIN_VALUE, Short.MAX_VALUE);
      case INTEGER, INTERVAL_YEAR_MONTH ->
          (p, t) -> (int) readIntegral(p, t, type, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case BIGINT, INTERVAL_DAY_TIME ->
          (p, t) -> readIntegral(p, t, type, Long.MIN_VALUE, Long.MAX_VALUE);
      case FLOAT -> (p, t) -> (float) readFloating(p, t, type);
      case DOUBLE -> (p, t) -> readFloating(p, t, type);
      case DECIMAL -> (p, t) -> readDecimal(p, t, type);
      case CHAR, VARCHAR -> JsonRowDecoder::readString;
      case BINARY, VARBINARY -> (p, t) -> {
        if (t == JsonToken.VALUE_STRING) {
          try {
            return p.getBinaryValue();
          } catch (JsonProcessingException e) {
            throw expected(p, t, type, "base64 text");
          }
        }
        throw expected(p, t, type, "base64 text");
      };
      case DATE -> (p, t) -> {
        String s = text(p, t, type, "'yyyy-MM-dd'");
        try {
          return (int) LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE).toEpochDay();
        } catch (DateTimeParseException e) {
          throw expected(p, t, type, "'yyyy-MM-dd'");
        }
      };
      case TIME -> (p, t) -> {
        String s = text(p, t, type, "'HH:mm:ss[.fraction]'");
        try {
          return TemporalText.parseTime(s, TemporalText.SQL_TIME);
        } catch (DateTimeParseException e) {
          throw expected(p, t, type, "'HH:mm:ss[.fraction]'");
        }
      };
      case TIMESTAMP -> {
        String form = timestampFormat == TemporalText.SQL_TIMESTAMP
            ? "'yyyy-MM-dd HH:mm:ss[.fraction]'" : "'yyyy-MM-ddTHH:mm:ss[.fraction]'";
        yield (p, t) -> {
          String s = text(p, t, type, form);
          try {
            return TemporalText.parseTimestamp(s, timestampFormat);
          } catch (DateTimeParseException e) {
            throw expected(p, t, type, form);
          }
        };
      }
      case TIMESTAMP_LTZ -> {
        String form = timestampLtzFormat == TemporalText.SQL_TIMESTAMP_LTZ
            ? "'yyyy-MM-dd HH:mm:ss[.fraction]Z'" : "'yyyy-MM-ddTHH:mm:ss[.fraction]Z'";
        yield (p, t) -> {
          String s = text(p, t, type, form);
          try {
            return TemporalText.parseTimestamp(s, timestampLtzFormat);
          } catch (DateTimeParseException e) {
            throw expected(p, t, type, form);
          }
        };
      }
      case ARRAY -> arrayConverter(type, path);
      case MAP -> mapConverter(type, path);
      case ROW -> {
        RowConverter nested = new RowConverter(type.fieldNames(), childTypes(type), path);
        yield (p, t) -> {
          if (t != JsonToken.START_OBJECT) {
            throw expected(p, t, type, null);
          }
          return nested.readRow(p);
        };
      }
      default -> throw new WeirException(
          "The '" + format + "' format does not support type " + type.asSummaryString()
              + (path.isEmpty() ? "" : " (field '" + path + "')") + ".");
    };
  }

  private Converter arrayConverter(LogicalType type, String path) {
    Converter element = converter(type.elementType(), path + "[]");
    return (p, t) -> {
      if (t != JsonToken.START_ARRAY) {
        throw expected(p, t, type, null);
      }
      List<Object> list = new ArrayList<>();
      JsonToken e;
      while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
        try {
          list.add(e == JsonToken.VALUE_NULL ? null : element.read(p, e));
        } catch (FieldError err) {
          throw err.within("[" + list.size() + "]");
        }
      }
      return list;
    };
  }

  private Converter mapConverter(LogicalType type, String path) {
    LogicalType keyType = type.children().get(0).type();
    if (!keyType.root().isCharacterString()) {
      throw new WeirException(
          "The '" + format + "' format supports only string keys in a MAP, but "
              + (path.isEmpty() ? "a field" : "field '" + path + "'") + " has type "
              + type.asSummaryString() + ".");
    }
    Converter value = converter(type.children().get(1).type(), path + "[]");
    return (p, t) -> {
      if (t != JsonToken.START_OBJECT) {
        throw expected(p, t, type, null);
      }
      Map<Object, Object> map = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonToken v = p.nextToken();
        try {
          map.put(key, v == JsonToken.VALUE_NULL ? null : value.read(p, v));
        } catch (FieldError err) {
          throw err.within("['" + key + "']");
        }
      }
      return map;
    };
  }

  private static List<LogicalType> childTypes(LogicalType row) {
    List<LogicalType> types = new ArrayList<>(row.children().size());
    for (LogicalType.Field f : row.children()) {
      types.add(f.type());
    }
    return types;
  }

  /** The fields of a ROW (or of the record itself), looked up by name. */
  private final class RowConverter {
    private final String[] names;
    private final Converter[] converters;
    private final Map<String, Integer> index;

    RowConverter(List<String> names, List<LogicalType> types, String path) {
      this.names = names.toArray(new String[0]);
      this.converters = new Converter[this.names.length];
      this.index = new HashMap<>(this.names.length * 2);
      for (int i = 0; i < this.names.length; i++) {
        String childPath = path.isEmpty() ? this.names[i] : path + "." + this.names[i];
        converters[i] = converter(types.get(i), childPath);
        index.put(this.names[i], i);
      }
    }

    /** Reads the object whose START_OBJECT is the current token, up to its END_OBJECT. */
    Row readRow(JsonParser p) throws IOException, FieldError {
      Object[] values = new Object[names.length];
      boolean[] present = failOnMissingField ? new boolean[names.length] : null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        Integer i = index.get(p.currentName());
        JsonToken t = p.nextToken();
        if (i == null) {
          p.skipChildren();
          continue;
        }
        int f = i;
        if (present != null) {
          present[f] = true;
        }
        try {
          values[f] = t == JsonToken.VALUE_NULL ? null : converters[f].read(p, t);
        } catch (FieldError e) {
          throw e.within(names[f]);
        } catch (JsonProcessingException e) {
          throw new FieldError(names[f], JsonText.malformed(e));
        }
      }
      if (present != null) {
        for (int f = 0; f < names.length; f++) {
          if (!present[f]) {
            throw new FieldError(names[f], "is missing (and '" + format + ".fail-on-missing-field' is true)");
          }
        }
      }
      return Row.of(values);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Scalars

  private static Object readBoolean(JsonParser p, JsonToken t, LogicalType type) throws IOException, FieldError {
    if (t == JsonToken.VALUE_TRUE) {
      return Boolean.TRUE;
    }
    if (t == JsonToken.VALUE_FALSE) {
      return Boolean.FALSE;
    }
    if (t == JsonToken.VALUE_STRING) {
      String s = p.getText().trim();
      if (s.equalsIgnoreCase("true")) {
        return Boolean.TRUE;
      }
      if (s.equalsIgnoreCase("false")) {
        return Boolean.FALSE;
      }
    }
    throw expected(p, t, type, null);
  }

  /**
   * An integral number in [min, max]. A fractional JSON number is truncated, as Flink does; a
   * string holding an integer is accepted.
   */
  private static long readIntegral(JsonParser p, JsonToken t, LogicalType type, long min, long max)
      throws IOException, FieldError {
    long v;
    switch (t) {
      case VALUE_NUMBER_INT -> {
        JsonParser.NumberType nt = p.getNumberType();
        if (nt != JsonParser.NumberType.INT && nt != JsonParser.NumberType.LONG) {
          throw outOfRange(p, t, type);
        }
        v = p.getLongValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        double d = p.getDoubleValue();
        if (!(d >= min && d <= max)) {
          throw outOfRange(p, t, type);
        }
        v = (long) d;
      }
      case VALUE_STRING -> {
        try {
          v = Long.parseLong(p.getText().trim());
        } catch (NumberFormatException e) {
          throw expected(p, t, type, null);
        }
      }
      default -> throw expected(p, t, type, null);
    }
    if (v < min || v > max) {
      throw outOfRange(p, t, type);
    }
    return v;
  }

  private static double readFloating(JsonParser p, JsonToken t, LogicalType type) throws IOException, FieldError {
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      return p.getDoubleValue();
    }
    if (t == JsonToken.VALUE_STRING) {
      try {
        return Double.parseDouble(p.getText().trim());
      } catch (NumberFormatException e) {
        throw expected(p, t, type, null);
      }
    }
    throw expected(p, t, type, null);
  }

  private static Object readDecimal(JsonParser p, JsonToken t, LogicalType type) throws IOException, FieldError {
    BigDecimal d;
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      d = p.getDecimalValue();
    } else if (t == JsonToken.VALUE_STRING) {
      try {
        d = new BigDecimal(p.getText().trim());
      } catch (NumberFormatException e) {
        throw expected(p, t, type, null);
      }
    } else {
      throw expected(p, t, type, null);
    }
    return fitDecimal(d, type.precision(), type.scale());
  }

  /** Rounds to the scale; NULL when the value then needs more digits than the precision (Flink). */
  static BigDecimal fitDecimal(BigDecimal d, int precision, int scale) {
    BigDecimal scaled = d.setScale(scale, RoundingMode.HALF_UP);
    return scaled.precision() > precision ? null : scaled;
  }

  private static Object readString(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
      return p.readValueAsTree().toString();
    }
    return p.getText();
  }

  private static String text(JsonParser p, JsonToken t, LogicalType type, String form)
      throws IOException, FieldError {
    if (t != JsonToken.VALUE_STRING) {
      throw expected(p, t, type, form);
    }
    return p.getText().trim();
  }

  private static FieldError expected(JsonParser p, JsonToken t, LogicalType type, String form)
      throws IOException {
    String what = TypeNames.of(type) + (form == null ? "" : " as " + form);
    return new FieldError("", "expected " + what + " but found " + JsonText.found(p, t));
  }

  private static FieldError outOfRange(JsonParser p, JsonToken t, LogicalType type) throws IOException {
    return new FieldError(
        "", "expected " + TypeNames.of(type) + " but found " + JsonText.found(p, t) + ", which is out of range");
  }
}
