package io.weir.planner.physical;

import io.weir.common.plan.ChangelogMode;
import io.weir.common.data.RowKind;
import java.util.EnumSet;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.AbstractRelNode;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.type.RelDataType;

/** {@code UNION ALL} of its inputs. */
public final class StreamPhysicalUnion extends AbstractRelNode implements StreamPhysicalRel {
  private List<RelNode> inputs;

  public StreamPhysicalUnion(RelOptCluster cluster, RelTraitSet traits, List<RelNode> inputs, RelDataType rowType) {
    super(cluster, traits);
    this.inputs = List.copyOf(inputs);
    this.rowType = rowType;
  }

  @Override
  public List<RelNode> getInputs() {
    return inputs;
  }

  @Override
  protected RelDataType deriveRowType() {
    return rowType;
  }

  @Override
  public ChangelogMode changelogMode() {
    EnumSet<RowKind> kinds = EnumSet.noneOf(RowKind.class);
    for (RelNode in : inputs) {
      kinds.addAll(((StreamPhysicalRel) in).changelogMode().kinds());
    }
    return new ChangelogMode(kinds);
  }

  @Override
  public int watermarkColumn() {
    int first = ((StreamPhysicalRel) inputs.get(0)).watermarkColumn();
    for (RelNode in : inputs) {
      if (((StreamPhysicalRel) in).watermarkColumn() != first) {
        return -1;
      }
    }
    return first;
  }

  @Override
  public <R> R accept(StreamRelVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    super.explainTerms(pw);
    for (RelNode in : inputs) {
      pw.input("input", in);
    }
    return pw;
  }
}
