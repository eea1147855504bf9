package io.weir.planner.calcite;

import io.weir.planner.catalog.CatalogTable;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;

/** A catalog table as Calcite sees it: its full row (physical, computed and metadata columns). */
public final class WeirTable extends AbstractTable {
  private final CatalogTable table;

  public WeirTable(CatalogTable table) {
    this.table = table;
  }

  public CatalogTable catalogTable() {
    return table;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return TypeConverter.toRelDataType(table.rowType(), typeFactory);
  }
}
