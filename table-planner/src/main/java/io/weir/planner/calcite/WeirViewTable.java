package io.weir.planner.calcite;

import io.weir.planner.catalog.CatalogView;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/** A view: read by expanding its query in place, with the view's column names. */
public final class WeirViewTable extends AbstractTable implements TranslatableTable {
  private final CatalogView view;

  public WeirViewTable(CatalogView view) {
    this.view = view;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return TypeConverter.toRelDataType(view.rowType(), typeFactory);
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    RelRoot root = context.expandView(relOptTable.getRowType(), view.query(), List.of(), List.of(view.name()));
    return RelOptUtil.createRename(root.project(), view.rowType().names());
  }
}
