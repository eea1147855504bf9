package io.weir.planner.calcite;

import io.weir.planner.catalog.CatalogTable;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A catalog table as Calcite sees it: its full row (physical, computed and metadata columns).
 * Every table may be read {@code FOR SYSTEM_TIME AS OF} (a temporal join); whether it can be is
 * decided when the join is planned (a versioned table needs a primary key and a watermark).
 */
public final class WeirTable extends AbstractTable implements org.apache.calcite.schema.TemporalTable {
  private final CatalogTable table;

  public WeirTable(CatalogTable table) {
    this.table = table;
  }

  public CatalogTable catalogTable() {
    return table;
  }

  /** The event-time column, or the first column when the table has none (validation only). */
  private String timeColumn() {
    return table.watermark() != null ? table.watermark().rowtimeColumn() : table.columns().get(0).name();
  }

  @Override
  public String getSysStartFieldName() {
    return timeColumn();
  }

  @Override
  public String getSysEndFieldName() {
    return timeColumn();
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return TypeConverter.toRelDataType(table.rowType(), typeFactory);
  }
}
