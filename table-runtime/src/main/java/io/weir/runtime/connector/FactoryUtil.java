package io.weir.runtime.connector;

import io.weir.common.error.WeirException;
import io.weir.runtime.format.FormatFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds connectors and formats through {@link ServiceLoader} and validates a table's options
 * against them, with errors that list what would be valid.
 */
public final class FactoryUtil {
  public static final String CONNECTOR = "connector";
  public static final String FORMAT = "format";
  /** A source table's idle timeout, accepted by every source as in Flink. */
  public static final String SCAN_IDLE_TIMEOUT = "scan.watermark.idle-timeout";
  /** How many tasks read a source table; accepted by every source. */
  public static final String SCAN_PARALLELISM = "scan.parallelism";

  private static final Map<String, DynamicTableFactory> CONNECTORS = load(DynamicTableFactory.class);
  private static final Map<String, FormatFactory> FORMATS = loadFormats();

  private FactoryUtil() {}

  private static Map<String, DynamicTableFactory> load(Class<DynamicTableFactory> type) {
    Map<String, DynamicTableFactory> byId = new TreeMap<>();
    for (DynamicTableFactory f : ServiceLoader.load(type, FactoryUtil.class.getClassLoader())) {
      DynamicTableFactory previous = byId.put(f.identifier(), f);
      if (previous != null) {
        throw new IllegalStateException(
            "Two connectors named '" + f.identifier() + "': " + previous.getClass().getName()
                + " and " + f.getClass().getName());
      }
    }
    return byId;
  }

  private static Map<String, FormatFactory> loadFormats() {
    Map<String, FormatFactory> byId = new TreeMap<>();
    for (FormatFactory f : ServiceLoader.load(FormatFactory.class, FactoryUtil.class.getClassLoader())) {
      byId.put(f.identifier(), f);
    }
    return byId;
  }

  /** The names of every connector on the class path, sorted. */
  public static Set<String> connectorNames() {
    return CONNECTORS.keySet();
  }

  /** The connector a table's options select. */
  public static DynamicTableFactory connector(String table, Map<String, String> options) {
    String id = options.get(CONNECTOR);
    if (id == null) {
      throw new WeirException(
          "Table '" + table + "' has no 'connector' option. Available connectors: "
              + String.join(", ", CONNECTORS.keySet()));
    }
    DynamicTableFactory f = CONNECTORS.get(id);
    if (f == null) {
      throw new WeirException(
          "Unknown connector '" + id + "' for table '" + table + "'. Available connectors: "
              + String.join(", ", CONNECTORS.keySet()));
    }
    return f;
  }

  public static SourceFactory sourceFactory(String table, Map<String, String> options) {
    DynamicTableFactory f = connector(table, options);
    if (!(f instanceof SourceFactory s)) {
      throw new WeirException(
          "Connector '" + f.identifier() + "' of table '" + table + "' cannot be read from; it is a sink only.");
    }
    return s;
  }

  public static SinkFactory sinkFactory(String table, Map<String, String> options) {
    DynamicTableFactory f = connector(table, options);
    if (!(f instanceof SinkFactory s)) {
      throw new WeirException(
          "Connector '" + f.identifier() + "' of table '" + table + "' cannot be written to; it is a source only.");
    }
    return s;
  }

  /** The format named by {@code options.get(key)}, e.g. {@code format} or {@code value.format}. */
  public static FormatFactory format(String table, Map<String, String> options, String key) {
    String id = options.get(key);
    if (id == null) {
      throw new WeirException(
          "Table '" + table + "' needs the option '" + key + "'. Available formats: "
              + String.join(", ", FORMATS.keySet()));
    }
    FormatFactory f = FORMATS.get(id);
    if (f == null) {
      throw new WeirException(
          "Unknown format '" + id + "' for table '" + table + "'. Available formats: "
              + String.join(", ", FORMATS.keySet()));
    }
    return f;
  }

  /**
   * What rows the format under {@code key} makes of records: a changelog for {@code
   * debezium-json}; insert-only when the format says so or no format is given.
   */
  public static io.weir.common.plan.ChangelogMode formatChangelogMode(Map<String, String> options, String key) {
    return options.containsKey(key) ? format("?", options, key).changelogMode()
        : io.weir.common.plan.ChangelogMode.INSERT_ONLY;
  }

  /** The options of {@code format} with its prefix removed: {@code json.x} becomes {@code x}. */
  public static Map<String, String> formatOptions(FormatFactory format, Map<String, String> options) {
    Map<String, String> result = new TreeMap<>();
    String prefix = format.identifier() + ".";
    options.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        result.put(k.substring(prefix.length()), v);
      }
    });
    return result;
  }

  /**
   * Checks that every required option is present and every present option is known to the
   * connector or its format.
   *
   * @throws WeirException naming the missing or unknown keys and listing the valid ones
   */
  public static DynamicTableFactory validate(String table, Map<String, String> options) {
    DynamicTableFactory f = connector(table, options);
    Set<String> allowed = new TreeSet<>(f.requiredOptions());
    allowed.addAll(f.optionalOptions());
    allowed.add(CONNECTOR);
    if (f instanceof SourceFactory) {
      allowed.add(SCAN_IDLE_TIMEOUT);
      allowed.add(SCAN_PARALLELISM);
    }
    if (f.usesFormat()) {
      allowed.add(FORMAT);
      if (options.containsKey(FORMAT)) {
        FormatFactory fmt = format(table, options, FORMAT);
        for (String o : fmt.optionalOptions()) {
          allowed.add(fmt.identifier() + "." + o);
        }
      }
    }
    List<String> missing = new ArrayList<>();
    for (String r : f.requiredOptions()) {
      if (!options.containsKey(r)) {
        missing.add(r);
      }
    }
    if (!missing.isEmpty()) {
      throw new WeirException(
          "Table '" + table + "' (connector '" + f.identifier() + "') is missing required option(s) "
              + missing + ". Required: " + new TreeSet<>(f.requiredOptions()) + "; optional: "
              + optionalList(allowed, f));
    }
    List<String> unknown = new ArrayList<>();
    for (String k : options.keySet()) {
      if (!allowed.contains(k) && f.optionPrefixes().stream().noneMatch(k::startsWith)) {
        unknown.add(k);
      }
    }
    for (String key : List.of(SCAN_PARALLELISM, "sink.parallelism")) {
      String value = options.get(key);
      if (value != null && !value.trim().matches("[1-9][0-9]*")) {
        throw new WeirException("Option '" + key + "' of table '" + table + "' must be a positive integer but was '"
            + value + "'");
      }
    }
    if (!unknown.isEmpty()) {
      throw new WeirException(
          "Unsupported option(s) " + unknown + " for table '" + table + "' (connector '"
              + f.identifier() + "'). Supported options: " + optionalList(allowed, f));
    }
    return f;
  }

  private static String optionalList(Set<String> allowed, DynamicTableFactory f) {
    List<String> all = new ArrayList<>(allowed);
    for (String p : new TreeSet<>(f.optionPrefixes())) {
      all.add(p + "*");
    }
    return String.join(", ", all);
  }
}
