package io.weir.planner.physical;

import io.weir.common.plan.ChangelogMode;
import io.weir.common.plan.JoinType;
import io.weir.planner.catalog.CatalogTable;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;

/** A lookup join: each input row reads {@code table} by key as it is now. Its only input is the left side. */
public final class StreamPhysicalLookupJoin extends SingleRel implements StreamPhysicalRel {
  private final CatalogTable table;
  private final JoinType joinType;
  private final List<Integer> leftKeys;
  private final List<Integer> tableKeys;
  private final RexNode condition;

  public StreamPhysicalLookupJoin(RelOptCluster cluster, RelTraitSet traits, RelNode left, CatalogTable table,
      JoinType joinType, List<Integer> leftKeys, List<Integer> tableKeys, RexNode condition, RelDataType rowType) {
    super(cluster, traits, left);
    this.table = table;
    this.joinType = joinType;
    this.leftKeys = List.copyOf(leftKeys);
    this.tableKeys = List.copyOf(tableKeys);
    this.condition = condition;
    this.rowType = rowType;
  }

  public CatalogTable table() { return table; }
  public JoinType joinType() { return joinType; }
  public List<Integer> leftKeys() { return leftKeys; }
  public List<Integer> tableKeys() { return tableKeys; }
  public RexNode condition() { return condition; }

  @Override
  protected RelDataType deriveRowType() {
    return rowType;
  }

  @Override
  public ChangelogMode changelogMode() {
    return ((StreamPhysicalRel) getInput()).changelogMode();
  }

  @Override
  public int watermarkColumn() {
    return ((StreamPhysicalRel) getInput()).watermarkColumn();
  }

  @Override
  public int proctimeColumn() {
    return ((StreamPhysicalRel) getInput()).proctimeColumn();
  }

  @Override
  public <R> R accept(StreamRelVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("table", table.name()).item("keys", leftKeys + "=" + tableKeys);
  }
}
