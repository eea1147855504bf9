package io.weir.planner.physical;

import io.weir.common.plan.ChangelogMode;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;

/** Filters by {@code condition} (may be null), then computes {@code projects}; row kinds pass through. */
public final class StreamPhysicalCalc extends SingleRel implements StreamPhysicalRel {
  private final List<RexNode> projects;
  private final RexNode condition;

  public StreamPhysicalCalc(RelOptCluster cluster, RelTraitSet traits, RelNode input,
      List<RexNode> projects, RexNode condition, RelDataType rowType) {
    super(cluster, traits, input);
    this.projects = List.copyOf(projects);
    this.condition = condition;
    this.rowType = rowType;
  }

  public List<RexNode> projects() {
    return projects;
  }

  public RexNode condition() {
    return condition;
  }

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
    int in = ((StreamPhysicalRel) getInput()).watermarkColumn();
    if (in < 0) {
      return -1;
    }
    for (int i = 0; i < projects.size(); i++) {
      if (projects.get(i) instanceof RexInputRef ref && ref.getIndex() == in) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The input's processing-time column if kept, else the first {@code PROCTIME()} computed here:
   * as in Flink, {@code SELECT *, PROCTIME() AS p_time FROM bid} (a view, a subquery) declares a
   * processing-time attribute, so windows and lookup joins can use {@code p_time}.
   */
  @Override
  public int proctimeColumn() {
    int in = ((StreamPhysicalRel) getInput()).proctimeColumn();
    for (int i = 0; in >= 0 && i < projects.size(); i++) {
      if (projects.get(i) instanceof RexInputRef ref && ref.getIndex() == in) {
        return i;
      }
    }
    for (int i = 0; i < projects.size(); i++) {
      if (projects.get(i) instanceof org.apache.calcite.rex.RexCall call
          && call.getOperator().getName().equalsIgnoreCase("PROCTIME") && call.getOperands().isEmpty()) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public java.util.List<Integer> upsertKeys() {
    // Keys survive a projection that keeps every key column as a plain reference.
    java.util.List<Integer> in = ((StreamPhysicalRel) getInput()).upsertKeys();
    java.util.List<Integer> out = new java.util.ArrayList<>();
    for (int key : in) {
      int found = -1;
      for (int i = 0; i < projects.size(); i++) {
        if (projects.get(i) instanceof RexInputRef ref && ref.getIndex() == key) {
          found = i;
          break;
        }
      }
      if (found < 0) {
        return java.util.List.of();
      }
      out.add(found);
    }
    return out;
  }

  @Override
  public <R> R accept(StreamRelVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("select", projects).itemIf("where", condition, condition != null);
  }
}
