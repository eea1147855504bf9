package io.weir.planner.physical;

import io.weir.common.plan.ChangelogMode;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;

/** {@code agg OVER (PARTITION BY … ORDER BY time … PRECEDING AND CURRENT ROW)}: input row + aggregates. */
public final class StreamPhysicalOverAggregate extends SingleRel implements StreamPhysicalRel {
  private final List<Integer> partitionKeys;
  private final int orderField;
  private final boolean eventTime;
  private final boolean rows;
  private final long preceding;
  private final List<AggregateCall> aggCalls;

  public StreamPhysicalOverAggregate(RelOptCluster cluster, RelTraitSet traits, RelNode input, List<Integer> partitionKeys,
      int orderField, boolean eventTime, boolean rows, long preceding, List<AggregateCall> aggCalls, RelDataType rowType) {
    super(cluster, traits, input);
    this.partitionKeys = List.copyOf(partitionKeys);
    this.orderField = orderField;
    this.eventTime = eventTime;
    this.rows = rows;
    this.preceding = preceding;
    this.aggCalls = List.copyOf(aggCalls);
    this.rowType = rowType;
  }

  public List<Integer> partitionKeys() { return partitionKeys; }
  public int orderField() { return orderField; }
  public boolean eventTime() { return eventTime; }
  public boolean rows() { return rows; }
  public long preceding() { return preceding; }
  public List<AggregateCall> aggCalls() { return aggCalls; }

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
    return super.explainTerms(pw).item("partition", partitionKeys).item("order", orderField).item("aggs", aggCalls);
  }
}
