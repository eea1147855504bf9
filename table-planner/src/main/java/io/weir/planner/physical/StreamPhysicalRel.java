package io.weir.planner.physical;

import io.weir.common.plan.ChangelogMode;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;

/**
 * A node of the physical stream plan. Besides its schema (the row type), every node knows which
 * row kinds it emits and which of its output columns carries watermarked event time.
 */
public interface StreamPhysicalRel extends RelNode {

  /** The calling convention of Weir's physical stream nodes. */
  Convention STREAM = new Convention.Impl("STREAM", StreamPhysicalRel.class);

  /** The row kinds this node emits. */
  ChangelogMode changelogMode();

  /** The output column watermarks are generated for or carried on, or -1 when there is none. */
  int watermarkColumn();

  /** The output column holding processing time ({@code PROCTIME()}), or -1. */
  default int proctimeColumn() {
    return -1;
  }

  /**
   * The columns that identify a row of this node's result when it is updating (a group
   * aggregation's group keys): an update or delete refers to the earlier row with the same values
   * there. Empty when unknown or for append-only results.
   */
  default java.util.List<Integer> upsertKeys() {
    return java.util.List.of();
  }

  <R> R accept(StreamRelVisitor<R> visitor);
}
