package io.weir.cli;

import io.weir.common.config.Configuration;
import io.weir.common.error.WeirException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell's own settings, kept in the session's configuration under Flink's SQL client keys so
 * {@code SET}, {@code RESET} and {@code SET;} treat them like any other option:
 *
 * <ul>
 *   <li>{@value #RESULT_MODE}: {@code table} (a full-screen view of the current result, the
 *       interactive default), {@code changelog} (a full-screen view of every change) or
 *       {@code tableau} (rows printed below the prompt; the only mode of scripts);
 *   <li>{@value #MAX_COLUMN_WIDTH}: the widest a column of values of any length gets (30);
 *   <li>{@value #COLOR_SCHEMA}: {@code default} highlights SQL as it is typed, {@code none} not.
 * </ul>
 */
final class ShellOptions {
  static final String RESULT_MODE = "sql-client.execution.result-mode";
  static final String MAX_COLUMN_WIDTH = "sql-client.display.max-column-width";
  static final String COLOR_SCHEMA = "sql-client.display.color-schema";

  /** Every key the shell reads, for completion after {@code SET '}. */
  static final List<String> KEYS = List.of(RESULT_MODE, MAX_COLUMN_WIDTH, COLOR_SCHEMA);

  static final int DEFAULT_MAX_COLUMN_WIDTH = 30;

  enum ResultMode { TABLE, CHANGELOG, TABLEAU }

  private static final Pattern SET = Pattern.compile(
      "(?is)\\s*SET\\s+'([^']*)'\\s*=\\s*'((?:[^']|'')*)'\\s*;?\\s*");

  private ShellOptions() {}

  /** The result mode {@code config} asks for; {@code fallback} when it names none. */
  static ResultMode resultMode(Configuration config, ResultMode fallback) {
    String raw = config.getRaw(RESULT_MODE);
    return raw == null ? fallback : parseResultMode(raw);
  }

  static int maxColumnWidth(Configuration config) {
    String raw = config.getRaw(MAX_COLUMN_WIDTH);
    return raw == null ? DEFAULT_MAX_COLUMN_WIDTH : parseMaxColumnWidth(raw);
  }

  /** False when {@value #COLOR_SCHEMA} is {@code none}. */
  static boolean colors(Configuration config) {
    String raw = config.getRaw(COLOR_SCHEMA);
    return raw == null || parseColorSchema(raw);
  }

  /**
   * Checks a {@code SET 'key' = 'value'} statement of one of the shell's keys before the session
   * stores it, so a typo fails at once rather than at the next query; other statements pass.
   *
   * @throws WeirException naming the key, the bad value and the values allowed
   */
  static void checkSet(String statement) {
    Matcher m = SET.matcher(statement);
    if (!m.matches()) {
      return;
    }
    String key = m.group(1).strip();
    String value = m.group(2).replace("''", "'");
    switch (key) {
      case RESULT_MODE -> parseResultMode(value);
      case MAX_COLUMN_WIDTH -> parseMaxColumnWidth(value);
      case COLOR_SCHEMA -> parseColorSchema(value);
      default -> { }
    }
  }

  private static ResultMode parseResultMode(String raw) {
    try {
      return ResultMode.valueOf(raw.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new WeirException("'" + RESULT_MODE + "' must be 'table', 'changelog' or 'tableau' but was '" + raw + "'");
    }
  }

  private static int parseMaxColumnWidth(String raw) {
    try {
      int width = Integer.parseInt(raw.strip());
      if (width >= 4) {
        return width;
      }
    } catch (NumberFormatException e) {
      // falls through to the message
    }
    throw new WeirException("'" + MAX_COLUMN_WIDTH + "' must be a whole number of at least 4 but was '" + raw + "'");
  }

  private static boolean parseColorSchema(String raw) {
    return switch (raw.strip().toLowerCase(Locale.ROOT)) {
      case "none" -> false;
      case "default" -> true;
      default -> throw new WeirException("'" + COLOR_SCHEMA + "' must be 'default' or 'none' but was '" + raw + "'");
    };
  }
}
