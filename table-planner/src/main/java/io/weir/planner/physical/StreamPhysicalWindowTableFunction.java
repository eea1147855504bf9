package io.weir.planner.physical;

import io.weir.common.plan.ChangelogMode;
import io.weir.common.plan.WindowSpec;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;

/** A window table function's own output: each row once per window, with the window columns. */
public final class StreamPhysicalWindowTableFunction extends SingleRel implements StreamPhysicalRel {
  private final WindowSpec window;
  private final int timeField;
  private final boolean eventTime;
  private final List<Integer> partitionKeys;

  public StreamPhysicalWindowTableFunction(RelOptCluster cluster, RelTraitSet traits, RelNode input,
      WindowSpec window, int timeField, boolean eventTime, List<Integer> partitionKeys, RelDataType rowType) {
    super(cluster, traits, input);
    this.window = window;
    this.timeField = timeField;
    this.eventTime = eventTime;
    this.partitionKeys = List.copyOf(partitionKeys);
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

  public List<Integer> partitionKeys() {
    return partitionKeys;
  }

  @Override
  protected RelDataType deriveRowType() {
    return rowType;
  }

  @Override
  public ChangelogMode changelogMode() {
    return ChangelogMode.INSERT_ONLY;
  }

  /** {@code window_time} is the event time of the windowed rows, watermarked as its input was. */
  @Override
  public int watermarkColumn() {
    return eventTime ? rowType.getFieldCount() - 1 : -1;
  }

  @Override
  public int proctimeColumn() {
    return eventTime ? -1 : rowType.getFieldCount() - 1;
  }

  @Override
  public <R> R accept(StreamRelVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("window", window).item("time", timeField);
  }
}
