package io.weir.planner;

import static java.util.Objects.requireNonNull;

import io.weir.common.plan.StreamGraph;
import io.weir.common.types.RowType;

/**
 * A query or INSERT ready to run: its graph, the schema of its result (of the rows a SELECT
 * returns, or of the sink an INSERT writes), and its EXPLAIN text.
 */
public record PlannedStatement(StreamGraph graph, RowType resultType, String explain) {
  public PlannedStatement {
    requireNonNull(graph, "graph");
    requireNonNull(resultType, "resultType");
    requireNonNull(explain, "explain");
  }
}
