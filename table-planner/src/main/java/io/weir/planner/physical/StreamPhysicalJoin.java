package io.weir.planner.physical;

import io.weir.common.plan.ChangelogMode;
import io.weir.common.plan.JoinType;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.BiRel;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;

/**
 * A join of two streams. Its {@link Kind} says how it keeps state: a regular join keeps every
 * row; an interval join only rows a future row can still match (bounded by time); a window join
 * only the rows of windows that have not closed.
 */
public final class StreamPhysicalJoin extends BiRel implements StreamPhysicalRel {
  /** How the join is executed. */
  public enum Kind { REGULAR, INTERVAL, WINDOW, TEMPORAL }

  private final Kind kind;
  private final JoinType joinType;
  private final List<Integer> leftKeys;
  private final List<Integer> rightKeys;
  private final RexNode condition;
  // INTERVAL
  private final int leftTime;
  private final int rightTime;
  private final long lowerBound;
  private final long upperBound;
  private final boolean eventTime;
  // WINDOW: the window_end columns of each side (leftTime/rightTime hold them)

  public StreamPhysicalJoin(RelOptCluster cluster, RelTraitSet traits, RelNode left, RelNode right, Kind kind,
      JoinType joinType, List<Integer> leftKeys, List<Integer> rightKeys, RexNode condition, int leftTime,
      int rightTime, long lowerBound, long upperBound, boolean eventTime, RelDataType rowType) {
    super(cluster, traits, left, right);
    this.kind = kind;
    this.joinType = joinType;
    this.leftKeys = List.copyOf(leftKeys);
    this.rightKeys = List.copyOf(rightKeys);
    this.condition = condition;
    this.leftTime = leftTime;
    this.rightTime = rightTime;
    this.lowerBound = lowerBound;
    this.upperBound = upperBound;
    this.eventTime = eventTime;
    this.rowType = rowType;
  }

  public Kind kind() { return kind; }
  public JoinType joinType() { return joinType; }
  public List<Integer> leftKeys() { return leftKeys; }
  public List<Integer> rightKeys() { return rightKeys; }
  public RexNode condition() { return condition; }
  public int leftTime() { return leftTime; }
  public int rightTime() { return rightTime; }
  public long lowerBound() { return lowerBound; }
  public long upperBound() { return upperBound; }
  public boolean eventTime() { return eventTime; }

  @Override
  protected RelDataType deriveRowType() {
    return rowType;
  }

  /**
   * Interval and window joins of insert-only inputs, and inner and semi regular joins of
   * insert-only inputs, are insert-only; everything else may retract (an outer join's padded rows,
   * an anti join's rows once matched).
   */
  @Override
  public ChangelogMode changelogMode() {
    boolean inputsInsertOnly = ((StreamPhysicalRel) getLeft()).changelogMode().isInsertOnly()
        && ((StreamPhysicalRel) getRight()).changelogMode().isInsertOnly();
    if (kind == Kind.TEMPORAL) {
      // Each probe row is emitted once, with the version valid at its time: whatever the versioned
      // side does later cannot change it.
      return ((StreamPhysicalRel) getLeft()).changelogMode();
    }
    // A semi join only ever adds left rows (a match never goes away on insert-only inputs).
    if (inputsInsertOnly && (kind != Kind.REGULAR || joinType == JoinType.INNER || joinType == JoinType.SEMI)) {
      return ChangelogMode.INSERT_ONLY;
    }
    return ChangelogMode.ALL;
  }

  /** An interval or window join keeps its left side's event time. */
  @Override
  public int watermarkColumn() {
    return kind == Kind.REGULAR ? -1 : ((StreamPhysicalRel) getLeft()).watermarkColumn();
  }

  @Override
  public <R> R accept(StreamRelVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("kind", kind).item("type", joinType).item("keys", leftKeys + "=" + rightKeys)
        .itemIf("condition", condition, condition != null);
  }
}
