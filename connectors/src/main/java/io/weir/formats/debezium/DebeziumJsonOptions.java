package io.weir.formats.debezium;

import io.weir.formats.FormatOptionValues;
import io.weir.formats.json.EmbeddedJsonRows;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The options of the {@code debezium-json} format, named as in Flink 1.20 (given without the {@code
 * debezium-json.} prefix), parsed and checked once per table.
 *
 * @param schemaInclude whether each record is Kafka Connect's {@code {"schema": ..., "payload":
 *     ...}} with the change event as payload ({@code value.converter.schemas.enable})
 * @param jsonOptions the options that convert values, as the {@code json} format reads them
 */
record DebeziumJsonOptions(boolean schemaInclude, boolean ignoreParseErrors, Map<String, String> jsonOptions) {
  static final String SCHEMA_INCLUDE = "schema-include";
  static final String IGNORE_PARSE_ERRORS = "ignore-parse-errors";

  static final Set<String> ALL = all();

  private static final FormatOptionValues VALUES = new FormatOptionValues("debezium-json");

  private static Set<String> all() {
    Set<String> all = new HashSet<>(EmbeddedJsonRows.OPTIONS);
    all.add(SCHEMA_INCLUDE);
    all.add(IGNORE_PARSE_ERRORS);
    return Set.copyOf(all);
  }

  static DebeziumJsonOptions parse(Map<String, String> options) {
    Map<String, String> json = new HashMap<>(options);
    json.keySet().retainAll(EmbeddedJsonRows.OPTIONS);
    return new DebeziumJsonOptions(
        VALUES.bool(options, SCHEMA_INCLUDE, false),
        VALUES.bool(options, IGNORE_PARSE_ERRORS, false),
        Map.copyOf(json));
  }
}
