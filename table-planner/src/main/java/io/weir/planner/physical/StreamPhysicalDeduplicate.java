package io.weir.planner.physical;

import io.weir.common.plan.ChangelogMode;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;

/** Deduplication: the first or last row per key, ordered by a time attribute. */
public final class StreamPhysicalDeduplicate extends SingleRel implements StreamPhysicalRel {
  private final List<Integer> keys;
  private final int timeField;
  private final boolean eventTime;
  private final boolean keepLastRow;

  public StreamPhysicalDeduplicate(RelOptCluster cluster, RelTraitSet traits, RelNode input, List<Integer> keys,
      int timeField, boolean eventTime, boolean keepLastRow) {
    super(cluster, traits, input);
    this.keys = List.copyOf(keys);
    this.timeField = timeField;
    this.eventTime = eventTime;
    this.keepLastRow = keepLastRow;
  }

  public List<Integer> keys() { return keys; }
  public int timeField() { return timeField; }
  public boolean eventTime() { return eventTime; }
  public boolean keepLastRow() { return keepLastRow; }

  /** Keeping the first row on processing time never revises it; every other kind does. */
  @Override
  public ChangelogMode changelogMode() {
    return !keepLastRow && !eventTime ? ChangelogMode.INSERT_ONLY
        : new ChangelogMode(java.util.EnumSet.of(io.weir.common.data.RowKind.INSERT,
            io.weir.common.data.RowKind.UPDATE_BEFORE, io.weir.common.data.RowKind.UPDATE_AFTER));
  }

  @Override
  public List<Integer> upsertKeys() {
    return keys;
  }

  @Override
  public int watermarkColumn() {
    return ((StreamPhysicalRel) getInput()).watermarkColumn();
  }

  @Override
  public <R> R accept(StreamRelVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("keys", keys).item("last", keepLastRow);
  }
}
