package io.weir.planner.physical;

import io.weir.common.plan.ChangelogMode;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.AbstractRelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexLiteral;

/** Constant rows: {@code VALUES (…), (…)} or a SELECT without FROM. */
public final class StreamPhysicalValues extends AbstractRelNode implements StreamPhysicalRel {
  private final List<List<RexLiteral>> tuples;

  public StreamPhysicalValues(RelOptCluster cluster, RelTraitSet traits, RelDataType rowType,
      List<List<RexLiteral>> tuples) {
    super(cluster, traits);
    this.rowType = rowType;
    this.tuples = tuples;
  }

  public List<List<RexLiteral>> tuples() {
    return tuples;
  }

  @Override
  protected RelDataType deriveRowType() {
    return rowType;
  }

  @Override
  public ChangelogMode changelogMode() {
    return ChangelogMode.INSERT_ONLY;
  }

  @Override
  public int watermarkColumn() {
    return -1;
  }

  @Override
  public <R> R accept(StreamRelVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("tuples", tuples);
  }
}
