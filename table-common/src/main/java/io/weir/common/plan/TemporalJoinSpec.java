package io.weir.common.plan;

import static java.util.Objects.requireNonNull;

import io.weir.common.types.RowType;
import java.util.List;

/**
 * An event-time temporal join: {@code left JOIN right FOR SYSTEM_TIME AS OF left.time ON keys}.
 * The right side is a versioned table: a changelog keyed by its primary key (the join keys), each
 * row a version valid from its {@code rightTimeField} on ({@code -D} ends the key's validity). A
 * left row waits in state until the watermark reaches its time, then joins the version valid at
 * that time — the latest version with a time at or before it — and is emitted once, insert-only
 * (LEFT pads it when no version is valid). Versions that no future left row can see (older than
 * the latest one at or behind the watermark) are dropped.
 */
public record TemporalJoinSpec(
    JoinType joinType,
    List<Integer> leftKeys,
    List<Integer> rightKeys,
    int leftTimeField,
    int rightTimeField,
    ExprSpec condition,
    RowType leftType,
    RowType rightType,
    RowType outputType)
    implements OperatorSpec {

  public TemporalJoinSpec {
    requireNonNull(joinType, "joinType");
    if (joinType != JoinType.INNER && joinType != JoinType.LEFT) {
      throw new IllegalArgumentException("a temporal join is INNER or LEFT, not " + joinType);
    }
    leftKeys = List.copyOf(leftKeys);
    rightKeys = List.copyOf(rightKeys);
    requireNonNull(leftType, "leftType");
    requireNonNull(rightType, "rightType");
    requireNonNull(outputType, "outputType");
  }

  @Override
  public String explain() {
    return "TemporalJoin(joinType=[" + joinType + "], leftTime=[" + leftType.name(leftTimeField) + "], rightTime=["
        + rightType.name(rightTimeField) + "], select=[" + String.join(", ", outputType.names()) + "])";
  }
}
