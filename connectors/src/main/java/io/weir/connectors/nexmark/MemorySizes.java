package io.weir.connectors.nexmark;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes written as Flink's {@code MemorySize} reads them: {@code 200b}, {@code 1 kb}, {@code 2m}. */
final class MemorySizes {
  private static final Pattern FORM = Pattern.compile("(\\d+)\\s*([a-zA-Z]*)");
  /** The largest average event size accepted: extras are cut from a pool of this order. */
  static final int MAX_BYTES = 16 << 20;

  private MemorySizes() {}

  static int parseBytes(String text) {
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("expected a size such as '200b' or '1 kb'");
    }
    long n = Long.parseLong(m.group(1));
    long unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "", "b", "bytes" -> 1L;
      case "k", "kb", "kibibytes" -> 1L << 10;
      case "m", "mb", "mebibytes" -> 1L << 20;
      default -> throw new IllegalArgumentException(
          "unknown size unit '" + m.group(2) + "'; expected b, kb or mb");
    };
    if (n > MAX_BYTES / unit) {
      throw new IllegalArgumentException("expected at most 16 mb");
    }
    return (int) (n * unit);
  }
}
