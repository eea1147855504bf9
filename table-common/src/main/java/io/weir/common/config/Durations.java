package io.weir.common.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations written as Flink does: {@code 10 s}, {@code 500ms}, {@code 1 min}, {@code 2h}. */
public final class Durations {
  private static final Pattern FORM = Pattern.compile("(\\d+)\\s*([a-zA-Z]*)");

  private Durations() {}

  public static Duration parse(String text) {
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("expected a duration such as '10 s' or '500 ms'");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "", "ms", "milli", "millis", "millisecond", "milliseconds" -> Duration.ofMillis(n);
      case "s", "sec", "secs", "second", "seconds" -> Duration.ofSeconds(n);
      case "min", "mins", "minute", "minutes", "m" -> Duration.ofMinutes(n);
      case "h", "hour", "hours" -> Duration.ofHours(n);
      case "d", "day", "days" -> Duration.ofDays(n);
      default -> throw new IllegalArgumentException("unknown time unit '" + m.group(2) + "'");
    };
  }
}
