package io.weir.planner.physical;

import io.weir.common.data.RowKind;
import io.weir.common.plan.ChangelogMode;
import io.weir.common.plan.SortKeySpec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Top-N ({@code ROW_NUMBER() … WHERE rn <= N}). With {@code windowEndField >= 0} it is a window
 * Top-N: the partition includes the window, the result is final when the window closes, and so
 * insert-only. Otherwise the top changes as rows arrive, and the result updates.
 */
public final class StreamPhysicalRank extends SingleRel implements StreamPhysicalRel {
  private final List<Integer> partitionKeys;
  private final List<SortKeySpec> sortKeys;
  private final long rankStart;
  private final long rankEnd;
  private final boolean outputRankNumber;
  private final int windowEndField;

  public StreamPhysicalRank(RelOptCluster cluster, RelTraitSet traits, RelNode input, List<Integer> partitionKeys,
      List<SortKeySpec> sortKeys, long rankStart, long rankEnd, boolean outputRankNumber, int windowEndField,
      RelDataType rowType) {
    super(cluster, traits, input);
    this.partitionKeys = List.copyOf(partitionKeys);
    this.sortKeys = List.copyOf(sortKeys);
    this.rankStart = rankStart;
    this.rankEnd = rankEnd;
    this.outputRankNumber = outputRankNumber;
    this.windowEndField = windowEndField;
    this.rowType = rowType;
  }

  public List<Integer> partitionKeys() { return partitionKeys; }
  public List<SortKeySpec> sortKeys() { return sortKeys; }
  public long rankStart() { return rankStart; }
  public long rankEnd() { return rankEnd; }
  public boolean outputRankNumber() { return outputRankNumber; }
  public int windowEndField() { return windowEndField; }

  public boolean inputUpdating() {
    return !((StreamPhysicalRel) getInput()).changelogMode().isInsertOnly();
  }

  @Override
  protected RelDataType deriveRowType() {
    return rowType;
  }

  @Override
  public ChangelogMode changelogMode() {
    if (windowEndField >= 0) {
      return ChangelogMode.INSERT_ONLY;
    }
    EnumSet<RowKind> kinds = EnumSet.of(RowKind.INSERT, RowKind.DELETE);
    if (outputRankNumber || inputUpdating()) {
      kinds.add(RowKind.UPDATE_BEFORE);
      kinds.add(RowKind.UPDATE_AFTER);
    }
    return new ChangelogMode(kinds);
  }

  @Override
  public List<Integer> upsertKeys() {
    if (!outputRankNumber) {
      return List.of();
    }
    List<Integer> keys = new ArrayList<>(partitionKeys);
    keys.add(rowType.getFieldCount() - 1);
    return keys;
  }

  @Override
  public int watermarkColumn() {
    return windowEndField >= 0 ? ((StreamPhysicalRel) getInput()).watermarkColumn() : -1;
  }

  @Override
  public <R> R accept(StreamRelVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("partition", partitionKeys).item("order", sortKeys)
        .item("range", rankStart + ".." + rankEnd);
  }
}
