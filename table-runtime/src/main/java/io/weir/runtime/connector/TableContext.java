package io.weir.runtime.connector;

import static java.util.Objects.requireNonNull;

import io.weir.common.config.Configuration;
import io.weir.common.types.RowType;
import java.util.List;
import java.util.Map;

/**
 * What a factory is told about the table it serves.
 *
 * @param table the table's name, for messages
 * @param options the table's WITH options, validated
 * @param physicalType the table's physical columns (no computed or metadata columns)
 * @param readFields the physical fields a source must produce, in this order (all of them unless
 *     the factory {@link DynamicTableFactory#supportsProjectionPushDown() supports projection
 *     push-down}); a sink receives rows of the whole physical type
 * @param config the job's configuration
 * @param metadataKeys the metadata a source must append to each row, after the read fields, in
 *     this order, as {@link DynamicTableFactory#readableMetadata()} types them (Kafka's {@code
 *     timestamp}, {@code partition}…); empty for most queries
 * @param primaryKey the table's primary key, as indexes of the physical row; empty without one
 * @param partitionKeys the table's {@code PARTITIONED BY} columns, as indexes of the physical row;
 *     empty when it is not partitioned
 */
public record TableContext(
    String table,
    Map<String, String> options,
    RowType physicalType,
    List<Integer> readFields,
    Configuration config,
    List<String> metadataKeys,
    List<Integer> primaryKey,
    List<Integer> partitionKeys) {

  public TableContext(String table, Map<String, String> options, RowType physicalType, List<Integer> readFields,
      Configuration config, List<String> metadataKeys, List<Integer> primaryKey) {
    this(table, options, physicalType, readFields, config, metadataKeys, primaryKey, List.of());
  }

  /** What a sink of {@code spec} is told: it receives rows of the whole physical type. */
  public static TableContext ofSink(io.weir.common.plan.SinkSpec spec, Configuration config) {
    List<Integer> all = java.util.stream.IntStream.range(0, spec.outputType().arity()).boxed().toList();
    return new TableContext(spec.table(), spec.options(), spec.outputType(), all, config, List.of(), spec.primaryKey(),
        spec.partitionKeys());
  }

  public TableContext(String table, Map<String, String> options, RowType physicalType, List<Integer> readFields,
      Configuration config) {
    this(table, options, physicalType, readFields, config, List.of(), List.of());
  }

  public TableContext(String table, Map<String, String> options, RowType physicalType, List<Integer> readFields,
      Configuration config, List<String> metadataKeys) {
    this(table, options, physicalType, readFields, config, metadataKeys, List.of());
  }

  public TableContext {
    metadataKeys = List.copyOf(metadataKeys);
    primaryKey = List.copyOf(primaryKey);
    partitionKeys = List.copyOf(partitionKeys);
    requireNonNull(table, "table");
    options = Map.copyOf(options);
    requireNonNull(physicalType, "physicalType");
    readFields = List.copyOf(readFields);
    requireNonNull(config, "config");
  }

  /** The schema the source produces: {@link #readFields()} of the physical type. */
  public RowType readType() {
    return physicalType.project(readFields.stream().mapToInt(Integer::intValue).toArray());
  }

  /** The value of a required option; validation has made sure it is there. */
  public String option(String key) {
    String v = options.get(key);
    if (v == null) {
      throw new IllegalStateException("Table '" + table + "' has no option '" + key + "'");
    }
    return v;
  }

  public String option(String key, String defaultValue) {
    return options.getOrDefault(key, defaultValue);
  }
}
