package io.weir.formats.json;

import io.weir.common.error.WeirException;
import io.weir.formats.FormatOptionValues;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The options of the {@code json} format, named as in Flink 1.20 (given without the {@code json.}
 * prefix), parsed and checked once per table.
 *
 * @param format the format whose options these are, {@code json} or one that wraps JSON rows
 *     ({@code debezium-json}); it prefixes option names in messages
 */
record JsonFormatOptions(
    String format,
    boolean failOnMissingField,
    boolean ignoreParseErrors,
    boolean isoTimestamps,
    MapNullKeyMode mapNullKeyMode,
    String mapNullKeyLiteral,
    boolean decimalAsPlainNumber,
    boolean ignoreNullFields) {

  static final String FAIL_ON_MISSING_FIELD = "fail-on-missing-field";
  static final String IGNORE_PARSE_ERRORS = "ignore-parse-errors";
  static final String TIMESTAMP_FORMAT = "timestamp-format.standard";
  static final String MAP_NULL_KEY_MODE = "map-null-key.mode";
  static final String MAP_NULL_KEY_LITERAL = "map-null-key.literal";
  static final String ENCODE_DECIMAL_AS_PLAIN_NUMBER = "encode.decimal-as-plain-number";
  static final String ENCODE_IGNORE_NULL_FIELDS = "encode.ignore-null-fields";
  /** Accepted for compatibility: Weir always decodes with Jackson's streaming parser. */
  static final String DECODE_JSON_PARSER_ENABLED = "decode.json-parser.enabled";

  static final Set<String> ALL =
      Set.of(
          FAIL_ON_MISSING_FIELD, IGNORE_PARSE_ERRORS, TIMESTAMP_FORMAT, MAP_NULL_KEY_MODE,
          MAP_NULL_KEY_LITERAL, ENCODE_DECIMAL_AS_PLAIN_NUMBER, ENCODE_IGNORE_NULL_FIELDS,
          DECODE_JSON_PARSER_ENABLED);

  /** What to do with a MAP entry whose key is null when writing. */
  enum MapNullKeyMode { FAIL, DROP, LITERAL }

  static JsonFormatOptions parse(Map<String, String> options) {
    return parse("json", options);
  }

  /**
   * Parses the options as {@code format} accepts them: {@code json} itself, or a format that wraps
   * JSON rows ({@code debezium-json}), whose name then prefixes the keys in error messages.
   */
  static JsonFormatOptions parse(String format, Map<String, String> options) {
    FormatOptionValues values = new FormatOptionValues(format);
    boolean failOnMissing = values.bool(options, FAIL_ON_MISSING_FIELD, false);
    boolean ignoreErrors = values.bool(options, IGNORE_PARSE_ERRORS, false);
    values.bool(options, DECODE_JSON_PARSER_ENABLED, false);
    if (failOnMissing && ignoreErrors) {
      throw new WeirException(
          "Options '" + format + "." + FAIL_ON_MISSING_FIELD + "' and '" + format + "." + IGNORE_PARSE_ERRORS
              + "' cannot both be true: a missing field would be skipped, not fail.");
    }
    String standard = options.getOrDefault(TIMESTAMP_FORMAT, "SQL").trim().toUpperCase(Locale.ROOT);
    if (!standard.equals("SQL") && !standard.equals("ISO-8601")) {
      throw values.invalid(TIMESTAMP_FORMAT, options.get(TIMESTAMP_FORMAT), "'SQL' or 'ISO-8601'");
    }
    String mode = options.getOrDefault(MAP_NULL_KEY_MODE, "FAIL").trim().toUpperCase(Locale.ROOT);
    MapNullKeyMode nullKeyMode;
    try {
      nullKeyMode = MapNullKeyMode.valueOf(mode);
    } catch (IllegalArgumentException e) {
      throw values.invalid(MAP_NULL_KEY_MODE, options.get(MAP_NULL_KEY_MODE), "'FAIL', 'DROP' or 'LITERAL'");
    }
    return new JsonFormatOptions(
        format,
        failOnMissing,
        ignoreErrors,
        standard.equals("ISO-8601"),
        nullKeyMode,
        options.getOrDefault(MAP_NULL_KEY_LITERAL, "null"),
        values.bool(options, ENCODE_DECIMAL_AS_PLAIN_NUMBER, false),
        values.bool(options, ENCODE_IGNORE_NULL_FIELDS, false));
  }
}
