package io.weir.formats.csv;

import io.weir.common.error.WeirException;
import java.util.Map;
import java.util.Set;

/**
 * The options of the {@code csv} format, named as in Flink 1.20 (given without the {@code csv.}
 * prefix), parsed and checked once per table.
 *
 * @param quote the quote character, or {@code 0} when quoting is disabled
 * @param escape the escape character, or {@code 0} when there is none
 * @param nullLiteral the text read and written as NULL, or {@code null} (then NULL is written as an
 *     empty field, and an empty field is an empty string)
 */
record CsvFormatOptions(
    char delimiter,
    char quote,
    char escape,
    boolean allowComments,
    boolean ignoreParseErrors,
    String nullLiteral,
    String arrayElementDelimiter,
    boolean decimalInScientificNotation) {

  static final String FIELD_DELIMITER = "field-delimiter";
  static final String QUOTE_CHARACTER = "quote-character";
  static final String DISABLE_QUOTE_CHARACTER = "disable-quote-character";
  static final String ALLOW_COMMENTS = "allow-comments";
  static final String IGNORE_PARSE_ERRORS = "ignore-parse-errors";
  static final String NULL_LITERAL = "null-literal";
  static final String ESCAPE_CHARACTER = "escape-character";
  static final String ARRAY_ELEMENT_DELIMITER = "array-element-delimiter";
  static final String WRITE_BIGDECIMAL_IN_SCIENTIFIC_NOTATION = "write-bigdecimal-in-scientific-notation";

  private static final io.weir.formats.FormatOptionValues VALUES = new io.weir.formats.FormatOptionValues("csv");

  static final Set<String> ALL =
      Set.of(
          FIELD_DELIMITER, QUOTE_CHARACTER, DISABLE_QUOTE_CHARACTER, ALLOW_COMMENTS,
          IGNORE_PARSE_ERRORS, NULL_LITERAL, ESCAPE_CHARACTER, ARRAY_ELEMENT_DELIMITER,
          WRITE_BIGDECIMAL_IN_SCIENTIFIC_NOTATION);

  static CsvFormatOptions parse(Map<String, String> options) {
    boolean quotingDisabled = VALUES.bool(options, DISABLE_QUOTE_CHARACTER, false);
    if (quotingDisabled && options.containsKey(QUOTE_CHARACTER)) {
      throw new WeirException(
          "Options 'csv." + QUOTE_CHARACTER + "' and 'csv." + DISABLE_QUOTE_CHARACTER
              + "' = 'true' contradict each other; set only one of them.");
    }
    char delimiter = singleChar(options, FIELD_DELIMITER, ",");
    char quote = quotingDisabled ? 0 : singleChar(options, QUOTE_CHARACTER, "\"");
    char escape = options.containsKey(ESCAPE_CHARACTER) ? singleChar(options, ESCAPE_CHARACTER, null) : 0;
    String arrayDelimiter = unescape(options.getOrDefault(ARRAY_ELEMENT_DELIMITER, ";"));
    if (arrayDelimiter.isEmpty()) {
      throw VALUES.invalid(ARRAY_ELEMENT_DELIMITER, "", "a non-empty string");
    }
    if (delimiter == quote || (escape != 0 && (escape == delimiter || escape == quote))) {
      throw new WeirException(
          "The 'csv' field delimiter, quote character and escape character must differ, but are "
              + show(delimiter) + ", " + show(quote) + " and " + show(escape) + ".");
    }
    return new CsvFormatOptions(
        delimiter,
        quote,
        escape,
        VALUES.bool(options, ALLOW_COMMENTS, false),
        VALUES.bool(options, IGNORE_PARSE_ERRORS, false),
        options.get(NULL_LITERAL),
        arrayDelimiter,
        VALUES.bool(options, WRITE_BIGDECIMAL_IN_SCIENTIFIC_NOTATION, true));
  }

  private static String show(char c) {
    return c == 0 ? "(none)" : "'" + c + "'";
  }

  /** One character; Java escapes such as a backslash-t for a tab are understood. */
  private static char singleChar(Map<String, String> options, String key, String defaultValue) {
    String raw = options.getOrDefault(key, defaultValue);
    String v = unescape(raw);
    if (v.length() != 1) {
      throw VALUES.invalid(key, raw, "a single character (such as ',' or '\\t')");
    }
    return v.charAt(0);
  }

  private static String unescape(String s) {
    if (s.indexOf('\\') < 0 || s.length() == 1) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 == s.length()) {
        sb.append(c);
        continue;
      }
      char n = s.charAt(++i);
      switch (n) {
        case 't' -> sb.append('\t');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 'f' -> sb.append('\f');
        case 'b' -> sb.append('\b');
        case '0' -> sb.append('\0');
        case '\\' -> sb.append('\\');
        case 'u' -> {
          if (i + 4 < s.length()) {
            sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
            i += 4;
          } else {
            sb.append("\\u");
          }
        }
        default -> sb.append('\\').append(n);
      }
    }
    return sb.toString();
  }
}
