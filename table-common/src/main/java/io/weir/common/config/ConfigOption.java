package io.weir.common.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/**
 * A typed, documented configuration key (Flink's names: {@code parallelism.default}). Values are
 * kept as strings in a {@link Configuration} and parsed on read, so {@code SET 'k' = 'v'} and a
 * WITH clause feed the same path.
 */
public record ConfigOption<T>(
    String key, T defaultValue, String description, Function<String, T> parser) {

  public ConfigOption {
    requireNonNull(key, "key");
    requireNonNull(description, "description");
    requireNonNull(parser, "parser");
  }

  /**
   * Parses {@code raw}, naming this key and the expected form when it is wrong.
   *
   * @throws io.weir.common.error.WeirException when {@code raw} is not a valid value
   */
  public T parse(String raw) {
    try {
      return parser.apply(raw.trim());
    } catch (RuntimeException e) {
      throw new io.weir.common.error.WeirException(
          "Invalid value '" + raw + "' for option '" + key + "': " + e.getMessage(), e);
    }
  }

  public static ConfigOption<String> string(String key, String defaultValue, String description) {
    return new ConfigOption<>(key, defaultValue, description, s -> s);
  }

  public static ConfigOption<Integer> integer(String key, Integer defaultValue, String description) {
    return new ConfigOption<>(key, defaultValue, description, s -> {
      try {
        return Integer.parseInt(s);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("expected an integer");
      }
    });
  }

  public static ConfigOption<Integer> positiveInteger(String key, Integer defaultValue, String description) {
    ConfigOption<Integer> plain = integer(key, defaultValue, description);
    return new ConfigOption<>(key, defaultValue, description, s -> {
      int v = plain.parser().apply(s);
      if (v <= 0) {
        throw new IllegalArgumentException("expected a positive integer");
      }
      return v;
    });
  }

  public static ConfigOption<Long> longValue(String key, Long defaultValue, String description) {
    return new ConfigOption<>(key, defaultValue, description, s -> {
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("expected an integer");
      }
    });
  }

  public static ConfigOption<Double> doubleValue(String key, Double defaultValue, String description) {
    return new ConfigOption<>(key, defaultValue, description, s -> {
      try {
        return Double.parseDouble(s);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("expected a number");
      }
    });
  }

  public static ConfigOption<Boolean> bool(String key, Boolean defaultValue, String description) {
    return new ConfigOption<>(key, defaultValue, description, s -> {
      if (s.equalsIgnoreCase("true")) {
        return true;
      }
      if (s.equalsIgnoreCase("false")) {
        return false;
      }
      throw new IllegalArgumentException("expected 'true' or 'false'");
    });
  }

  public static ConfigOption<Duration> duration(String key, Duration defaultValue, String description) {
    return new ConfigOption<>(key, defaultValue, description, Durations::parse);
  }

  public static <E extends Enum<E>> ConfigOption<E> enumeration(
      String key, Class<E> type, E defaultValue, String description) {
    return new ConfigOption<>(key, defaultValue, description, s -> {
      String normalized = s.toUpperCase(Locale.ROOT).replace('-', '_');
      for (E e : type.getEnumConstants()) {
        if (e.name().equals(normalized)) {
          return e;
        }
      }
      throw new IllegalArgumentException("expected one of " + Arrays.toString(type.getEnumConstants()));
    });
  }
}
