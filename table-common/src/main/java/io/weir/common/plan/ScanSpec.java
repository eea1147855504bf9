package io.weir.common.plan;

import static java.util.Objects.requireNonNull;

import io.weir.common.types.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a table through its connector.
 *
 * <p>The rows flow through four stages inside the source task, each optional:
 *
 * <ol>
 *   <li>the connector reads {@code readFields} of {@code physicalType} (projection push-down: a
 *       connector that cannot project reads every field), followed by the values of {@code
 *       metadata} — one field per metadata key, named by the key (Kafka's {@code timestamp},
 *       {@code partition}…);
 *   <li>{@code computedColumns}, expressions over the read row, are appended to it: this is the
 *       <em>scan row</em>;
 *   <li>{@code watermark}, over the scan row, advances the split's watermark;
 *   <li>{@code filter} (filter push-down) drops rows, then {@code outputFields} of the scan row are
 *       emitted.
 * </ol>
 */
public record ScanSpec(
    String table,
    Map<String, String> options,
    RowType physicalType,
    List<Integer> readFields,
    List<ExprSpec> computedColumns,
    List<String> computedNames,
    WatermarkSpec watermark,
    ExprSpec filter,
    List<Integer> outputFields,
    RowType outputType,
    RowType metadata,
    List<Integer> primaryKey,
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
    List<Integer> partitionKeys)
    implements OperatorSpec {

  /** A scan of a table that is not partitioned. */
  public ScanSpec(String table, Map<String, String> options, RowType physicalType, List<Integer> readFields,
      List<ExprSpec> computedColumns, List<String> computedNames, WatermarkSpec watermark, ExprSpec filter,
      List<Integer> outputFields, RowType outputType, RowType metadata, List<Integer> primaryKey) {
    this(table, options, physicalType, readFields, computedColumns, computedNames, watermark, filter, outputFields,
        outputType, metadata, primaryKey, List.of());
  }

  /** A scan reading metadata, of a table whose source needs no primary key. */
  public ScanSpec(String table, Map<String, String> options, RowType physicalType, List<Integer> readFields,
      List<ExprSpec> computedColumns, List<String> computedNames, WatermarkSpec watermark, ExprSpec filter,
      List<Integer> outputFields, RowType outputType, RowType metadata) {
    this(table, options, physicalType, readFields, computedColumns, computedNames, watermark, filter, outputFields,
        outputType, metadata, List.of());
  }

  /** A scan without metadata columns. */
  public ScanSpec(String table, Map<String, String> options, RowType physicalType, List<Integer> readFields,
      List<ExprSpec> computedColumns, List<String> computedNames, WatermarkSpec watermark, ExprSpec filter,
      List<Integer> outputFields, RowType outputType) {
    this(table, options, physicalType, readFields, computedColumns, computedNames, watermark, filter, outputFields,
        outputType, RowType.builder().build());
  }

  /**
   * @param primaryKey physical indexes of the primary key, for a source that needs them (upserts)
   * @param partitionKeys physical indexes of the PARTITIONED BY columns, whose values a source
   *     takes from where a record is stored (a file's directory), not from the record; empty for none
   */
  public ScanSpec {
    requireNonNull(table, "table");
    options = new TreeMap<>(requireNonNull(options, "options"));
    requireNonNull(physicalType, "physicalType");
    readFields = List.copyOf(readFields);
    computedColumns = List.copyOf(computedColumns);
    computedNames = List.copyOf(computedNames);
    if (computedNames.size() != computedColumns.size()) {
      throw new IllegalArgumentException("computed columns " + computedColumns + " and names " + computedNames + " differ in number");
    }
    outputFields = List.copyOf(outputFields);
    requireNonNull(outputType, "outputType");
    requireNonNull(metadata, "metadata");
    primaryKey = List.copyOf(primaryKey);
    // Absent from plans written before partitions.
    partitionKeys = partitionKeys == null ? List.of() : List.copyOf(partitionKeys);
    for (int f : readFields) {
      if (f < 0 || f >= physicalType.arity()) {
        throw new IllegalArgumentException(
            "read field " + f + " is outside the physical schema " + physicalType);
      }
    }
    if (outputFields.size() != outputType.arity()) {
      throw new IllegalArgumentException(
          "outputFields " + outputFields + " do not match the output type " + outputType);
    }
  }

  /** The schema the connector produces: {@code readFields} of the physical schema. */
  public RowType readType() {
    return physicalType.project(readFields.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Names of the scan row's fields: read fields, metadata, then computed columns. */
  public List<String> scanRowNames() {
    List<String> names = new ArrayList<>(readType().names());
    metadata.names().forEach(key -> names.add("$metadata:" + key));
    names.addAll(computedNames);
    return names;
  }

  @Override
  public boolean isSource() {
    return true;
  }

  @Override
  public String explain() {
    StringBuilder sb = new StringBuilder("TableSourceScan(table=[").append(table).append(']');
    sb.append(", fields=[").append(String.join(", ", outputType.names())).append(']');
    if (metadata.arity() > 0) {
      sb.append(", metadata=[").append(String.join(", ", metadata.names())).append(']');
    }
    List<String> scanNames = scanRowNames();
    if (!computedColumns.isEmpty()) {
      List<String> rendered = new ArrayList<>();
      for (int i = 0; i < computedColumns.size(); i++) {
        rendered.add(computedNames.get(i) + "=" + computedColumns.get(i).explain(scanNames));
      }
      sb.append(", computed=[").append(String.join(", ", rendered)).append(']');
    }
    if (watermark != null) {
      sb.append(", watermark=[")
          .append(scanNames.get(watermark.rowtimeIndex()))
          .append(", ")
          .append(watermark.expression().explain(scanNames))
          .append(']');
    }
    if (filter != null) {
      sb.append(", filter=[").append(filter.explain(scanNames)).append(']');
    }
    return sb.append(')').toString();
  }
}
