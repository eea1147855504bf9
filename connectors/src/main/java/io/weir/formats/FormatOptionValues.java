package io.weir.formats;

import io.weir.common.error.WeirException;
import java.util.Map;

/**
 * Reads a format's option values ({@code ignore-parse-errors}, …) and names the prefixed key
 * ({@code csv.ignore-parse-errors}) when one is wrong. Shared by the formats so their errors read
 * alike.
 */
public final class FormatOptionValues {
  private final String format;

  public FormatOptionValues(String format) {
    this.format = format;
  }

  /** A boolean option: {@code true} or {@code false}, any case; {@code defaultValue} when absent. */
  public boolean bool(Map<String, String> options, String key, boolean defaultValue) {
    String raw = options.get(key);
    if (raw == null) {
      return defaultValue;
    }
    String v = raw.trim();
    if (v.equalsIgnoreCase("true")) {
      return true;
    }
    if (v.equalsIgnoreCase("false")) {
      return false;
    }
    throw invalid(key, raw, "'true' or 'false'");
  }

  /** The error for a value of {@code key} that is not what {@code expected} describes. */
  public WeirException invalid(String key, String value, String expected) {
    return new WeirException(
        "Invalid value '" + value + "' for option '" + format + "." + key + "': expected " + expected + ".");
  }
}
