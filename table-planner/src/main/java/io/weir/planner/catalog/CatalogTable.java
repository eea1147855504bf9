package io.weir.planner.catalog;

import static java.util.Objects.requireNonNull;

import io.weir.common.plan.ExprSpec;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A table created with {@code CREATE TABLE}: its columns (physical, computed, metadata) in declared
 * order, its watermark, primary key and connector options — resolved: every expression validated
 * and translated when the table was created, so a bad DDL fails at CREATE, not at the first query.
 *
 * @param partitionKeys the {@code PARTITIONED BY} columns (physical), in order; empty for none
 */
public record CatalogTable(
    String name,
    List<Column> columns,
    WatermarkDefinition watermark,
    List<String> primaryKey,
    Map<String, String> options,
    String comment,
    boolean temporary,
    List<String> partitionKeys)
    implements CatalogObject {

  public CatalogTable {
    requireNonNull(name, "name");
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
    partitionKeys = List.copyOf(partitionKeys);
  }

  /** A table that is not partitioned. */
  public CatalogTable(String name, List<Column> columns, WatermarkDefinition watermark, List<String> primaryKey,
      Map<String, String> options, String comment, boolean temporary) {
    this(name, columns, watermark, primaryKey, options, comment, temporary, List.of());
  }

  /** A column of the table. */
  public sealed interface Column {
    String name();

    LogicalType type();

    String comment();
  }

  /** A column the connector reads and writes. */
  public record PhysicalColumn(String name, LogicalType type, String comment) implements Column {}

  /**
   * {@code name AS expression}: computed when read, never written. {@code expression} refers to
   * fields of the table's physical row (see {@link #physicalRowType()}).
   */
  public record ComputedColumn(String name, LogicalType type, String expressionSql, ExprSpec expression, String comment)
      implements Column {}

  /** {@code name TYPE METADATA [FROM 'key'] [VIRTUAL]}: a value the connector knows about a record. */
  public record MetadataColumn(String name, LogicalType type, String key, boolean virtual, String comment)
      implements Column {}

  /**
   * {@code WATERMARK FOR rowtime AS expression}; {@code expression} refers to fields of the table's
   * full row ({@link #rowType()}).
   */
  public record WatermarkDefinition(String rowtimeColumn, String expressionSql, ExprSpec expression) {}

  @Override
  public RowType rowType() {
    RowType.Builder b = RowType.builder();
    for (Column c : columns) {
      b.add(c.name(), c.type());
    }
    return b.build();
  }

  /** The physical columns only, in declared order: what the connector reads and writes. */
  public RowType physicalRowType() {
    RowType.Builder b = RowType.builder();
    for (Column c : columns) {
      if (c instanceof PhysicalColumn) {
        b.add(c.name(), c.type());
      }
    }
    return b.build();
  }

  /** For each column of the full row, its index in the physical row, or -1. */
  public int[] physicalIndexes() {
    int[] result = new int[columns.size()];
    int p = 0;
    for (int i = 0; i < columns.size(); i++) {
      result[i] = columns.get(i) instanceof PhysicalColumn ? p++ : -1;
    }
    return result;
  }

  public int columnIndex(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(column)) {
        return i;
      }
    }
    return -1;
  }

  public List<String> columnNames() {
    List<String> names = new ArrayList<>();
    for (Column c : columns) {
      names.add(c.name());
    }
    return names;
  }
}
