package io.weir.connectors.datagen;

import io.weir.common.config.ConfigOption;

/** Options of the {@code datagen} connector, named as in Flink 1.20. */
final class DataGenOptions {
  private DataGenOptions() {}

  static final ConfigOption<Long> ROWS_PER_SECOND =
      ConfigOption.longValue(
          "rows-per-second", 10_000L, "Rows per second emitted by all parallel tasks together.");

  static final ConfigOption<Long> NUMBER_OF_ROWS =
      ConfigOption.longValue(
          "number-of-rows", null, "Total number of rows to emit; unbounded when not set.");

  static final ConfigOption<Integer> SCAN_PARALLELISM =
      ConfigOption.integer("scan.parallelism", null, "Parallelism of the source; read by the planner.");

  /** Prefix of the per-field options: {@code fields.<field>.<option>}. */
  static final String FIELDS = "fields.";

  static final String KIND = "kind";
  static final String MIN = "min";
  static final String MAX = "max";
  static final String MAX_PAST = "max-past";
  static final String LENGTH = "length";
  static final String VAR_LEN = "var-len";
  static final String START = "start";
  static final String END = "end";
  static final String NULL_RATE = "null-rate";

  static final String RANDOM = "random";
  static final String SEQUENCE = "sequence";
}
