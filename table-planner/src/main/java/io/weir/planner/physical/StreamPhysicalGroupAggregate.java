package io.weir.planner.physical;

import io.weir.common.data.RowKind;
import io.weir.common.plan.ChangelogMode;
import java.util.EnumSet;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Unbounded {@code GROUP BY}: an updating result keyed by the group keys. It emits inserts and
 * update pairs; deletes too when its input retracts rows (a group can become empty).
 */
public final class StreamPhysicalGroupAggregate extends SingleRel implements StreamPhysicalRel {
  private final ImmutableBitSet groupSet;
  private final List<AggregateCall> aggCalls;

  public StreamPhysicalGroupAggregate(RelOptCluster cluster, RelTraitSet traits, RelNode input,
      ImmutableBitSet groupSet, List<AggregateCall> aggCalls, RelDataType rowType) {
    super(cluster, traits, input);
    this.groupSet = groupSet;
    this.aggCalls = List.copyOf(aggCalls);
    this.rowType = rowType;
  }

  public ImmutableBitSet groupSet() {
    return groupSet;
  }

  public List<AggregateCall> aggCalls() {
    return aggCalls;
  }

  @Override
  protected RelDataType deriveRowType() {
    return rowType;
  }

  /** Whether the input retracts rows, so every aggregate must be able to undo. */
  public boolean inputUpdating() {
    return !((StreamPhysicalRel) getInput()).changelogMode().isInsertOnly();
  }

  @Override
  public ChangelogMode changelogMode() {
    EnumSet<RowKind> kinds = EnumSet.of(RowKind.INSERT, RowKind.UPDATE_BEFORE, RowKind.UPDATE_AFTER);
    if (inputUpdating()) {
      kinds.add(RowKind.DELETE);
    }
    return new ChangelogMode(kinds);
  }

  @Override
  public List<Integer> upsertKeys() {
    List<Integer> keys = new java.util.ArrayList<>();
    for (int i = 0; i < groupSet.cardinality(); i++) {
      keys.add(i);
    }
    return keys;
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
    return super.explainTerms(pw).item("group", groupSet).item("aggs", aggCalls);
  }
}
