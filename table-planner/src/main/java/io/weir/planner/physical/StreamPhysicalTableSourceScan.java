package io.weir.planner.physical;

import io.weir.common.plan.ChangelogMode;
import io.weir.planner.catalog.CatalogTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.AbstractRelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;

/**
 * Reads a catalog table. It emits the table columns listed in {@code projection} (projection pushed
 * into the scan) of the rows that pass {@code filter} (a condition over the table's full row,
 * pushed into the scan when the connector accepts it; null otherwise).
 */
public final class StreamPhysicalTableSourceScan extends AbstractRelNode implements StreamPhysicalRel {
  private final CatalogTable table;
  private final List<Integer> projection;
  private final RexNode filter;
  private final RelDataType fullRowType;
  private final ChangelogMode changelogMode;

  public StreamPhysicalTableSourceScan(RelOptCluster cluster, RelTraitSet traits, CatalogTable table,
      RelDataType fullRowType, List<Integer> projection, RexNode filter, ChangelogMode changelogMode) {
    super(cluster, traits);
    this.changelogMode = changelogMode;
    this.table = table;
    this.fullRowType = fullRowType;
    this.projection = List.copyOf(projection);
    this.filter = filter;
    RelDataTypeFactory.Builder b = cluster.getTypeFactory().builder();
    for (int i : projection) {
      b.add(fullRowType.getFieldList().get(i));
    }
    this.rowType = b.build();
  }

  public CatalogTable table() {
    return table;
  }

  /** The table columns emitted, as indexes of the table's full row. */
  public List<Integer> projection() {
    return projection;
  }

  public RexNode filter() {
    return filter;
  }

  public RelDataType fullRowType() {
    return fullRowType;
  }

  @Override
  protected RelDataType deriveRowType() {
    return rowType;
  }

  @Override
  public ChangelogMode changelogMode() {
    return changelogMode;
  }

  @Override
  public int watermarkColumn() {
    if (table.watermark() == null) {
      return -1;
    }
    return projection.indexOf(table.columnIndex(table.watermark().rowtimeColumn()));
  }

  @Override
  public int proctimeColumn() {
    for (int i = 0; i < projection.size(); i++) {
      if (table.columns().get(projection.get(i)) instanceof CatalogTable.ComputedColumn c
          && c.expression() instanceof io.weir.common.plan.ExprSpec.Call call && call.function().equals("PROCTIME")) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public <R> R accept(StreamRelVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    List<String> names = new ArrayList<>();
    for (int i : projection) {
      names.add(fullRowType.getFieldNames().get(i));
    }
    return super.explainTerms(pw)
        .item("table", table.name())
        .item("fields", names)
        .itemIf("filter", filter, filter != null);
  }
}
