package io.weir.runtime.connector;

import java.util.Set;

/**
 * A connector, found through {@link java.util.ServiceLoader} by the {@code connector} option of a
 * table ({@code WITH ('connector' = 'datagen')}). A factory that reads implements {@link
 * SourceFactory}, one that writes {@link SinkFactory}; most do both.
 *
 * <p>Options are named as in Flink. {@link FactoryUtil} validates a table's options against {@link
 * #requiredOptions()}, {@link #optionalOptions()} and {@link #optionPrefixes()} before the factory
 * sees them, so a typo is an error that lists the valid keys.
 */
public interface DynamicTableFactory {

  /** The value of the {@code connector} option that selects this factory. */
  String identifier();

  /** Keys that must be present (besides {@code connector}). */
  Set<String> requiredOptions();

  /** Keys that may be present. */
  Set<String> optionalOptions();

  /**
   * Prefixes of free-form keys: {@code fields.} for datagen's per-field options, {@code
   * properties.} for Kafka client properties.
   */
  default Set<String> optionPrefixes() {
    return Set.of();
  }

  /** Whether the option named {@code format} selects a {@link io.weir.runtime.format.FormatFactory}. */
  default boolean usesFormat() {
    return false;
  }

  /** Whether the source reads only the fields it is asked for ({@link TableContext#readFields()}). */
  default boolean supportsProjectionPushDown() {
    return false;
  }

  /**
   * The metadata a source of this connector can read, by key, with its type: declared in DDL as
   * {@code ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp'}. Empty for most connectors.
   */
  default java.util.Map<String, io.weir.common.types.LogicalType> readableMetadata() {
    return java.util.Map.of();
  }

  /**
   * Whether the connector writes a {@code PARTITIONED BY} table: a directory per partition, named
   * {@code column=value}. Tables of other connectors cannot be partitioned.
   */
  default boolean supportsPartitioning() {
    return false;
  }

  /** Whether a filter may be pushed into this table's scan, to run right after decoding. */
  default boolean supportsFilterPushDown() {
    return false;
  }
}
