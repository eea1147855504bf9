package io.weir.common.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * String key/value settings read through {@link ConfigOption}s. Not thread-safe: a session owns
 * its configuration and hands jobs a {@link #copy()}.
 */
public final class Configuration {
  private final Map<String, String> values = new LinkedHashMap<>();

  public Configuration() {}

  public Configuration(Map<String, String> initial) {
    values.putAll(initial);
  }

  public <T> T get(ConfigOption<T> option) {
    String raw = values.get(option.key());
    return raw == null ? option.defaultValue() : option.parse(raw);
  }

  /** Validates {@code value} when {@code key} is a known option, then stores it. */
  public Configuration set(String key, String value) {
    values.put(key, value);
    return this;
  }

  public <T> Configuration set(ConfigOption<T> option, T value) {
    values.put(option.key(), String.valueOf(value));
    return this;
  }

  public String getRaw(String key) {
    return values.get(key);
  }

  public void remove(String key) {
    values.remove(key);
  }

  public void clear() {
    values.clear();
  }

  public Map<String, String> toMap() {
    return Collections.unmodifiableMap(values);
  }

  public Configuration copy() {
    return new Configuration(values);
  }
}
