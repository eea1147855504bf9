package io.weir.planner.physical;

import io.weir.common.plan.ChangelogMode;
import io.weir.common.plan.WindowSpec;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Window aggregation over the rows a window table function would window (its input, not its
 * output, so overlapping windows share slices). Output: keys, aggregates, window_start,
 * window_end, window_time; one insert per key and window.
 */
public final class StreamPhysicalWindowAggregate extends SingleRel implements StreamPhysicalRel {
  private final WindowSpec window;
  private final int timeField;
  private final boolean eventTime;
  private final List<Integer> groupKeys;
  private final List<AggregateCall> aggCalls;

  public StreamPhysicalWindowAggregate(RelOptCluster cluster, RelTraitSet traits, RelNode input, WindowSpec window,
      int timeField, boolean eventTime, List<Integer> groupKeys, List<AggregateCall> aggCalls, RelDataType rowType) {
    super(cluster, traits, input);
    this.window = window;
    this.timeField = timeField;
    this.eventTime = eventTime;
    this.groupKeys = List.copyOf(groupKeys);
    this.aggCalls = List.copyOf(aggCalls);
    this.rowType = rowType;
  }

  public WindowSpec window() {
    return window;
  }

  public int timeField() {
    return timeField;
  }

  public boolean eventTime() {
    return eventTime;
  }

  public List<Integer> groupKeys() {
    return groupKeys;
  }

  public List<AggregateCall> aggCalls() {
    return aggCalls;
  }

  @Override
  protected RelDataType deriveRowType() {
    return rowType;
  }

  @Override
  public ChangelogMode changelogMode() {
    return ChangelogMode.INSERT_ONLY;
  }

  /** window_time stays an event-time attribute, so windows can be cascaded. */
  @Override
  public int watermarkColumn() {
    return eventTime ? rowType.getFieldCount() - 1 : -1;
  }

  @Override
  public <R> R accept(StreamRelVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("window", window).item("keys", groupKeys).item("aggs", aggCalls);
  }
}
