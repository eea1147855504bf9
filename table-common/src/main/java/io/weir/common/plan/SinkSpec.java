package io.weir.common.plan;

import static java.util.Objects.requireNonNull;

import io.weir.common.types.RowType;
import java.util.Map;
import java.util.TreeMap;

/** Writes rows into a table through its connector ({@code INSERT INTO table …}). */
public record SinkSpec(String table, Map<String, String> options, RowType outputType, java.util.List<Integer> primaryKey,
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
    java.util.List<Integer> partitionKeys)
    implements OperatorSpec {
  /** A sink of a table without primary key. */
  public SinkSpec(String table, Map<String, String> options, RowType outputType) {
    this(table, options, outputType, java.util.List.of(), java.util.List.of());
  }

  /** A sink of a table that is not partitioned. */
  public SinkSpec(String table, Map<String, String> options, RowType outputType, java.util.List<Integer> primaryKey) {
    this(table, options, outputType, primaryKey, java.util.List.of());
  }

  /**
   * @param primaryKey the table's primary key, as field indexes of {@code outputType}; may be empty
   * @param partitionKeys the table's PARTITIONED BY columns, as field indexes of {@code outputType};
   *     empty (or absent, in plans written before partitions) for none
   */
  public SinkSpec {
    requireNonNull(table, "table");
    options = new TreeMap<>(requireNonNull(options, "options"));
    requireNonNull(outputType, "outputType");
    primaryKey = java.util.List.copyOf(primaryKey);
    partitionKeys = partitionKeys == null ? java.util.List.of() : java.util.List.copyOf(partitionKeys);
  }

  @Override
  public String explain() {
    return "Sink(table=[" + table + "], fields=[" + String.join(", ", outputType.names()) + "])";
  }
}
