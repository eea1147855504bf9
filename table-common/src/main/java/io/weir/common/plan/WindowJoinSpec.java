package io.weir.common.plan;

import static java.util.Objects.requireNonNull;

import io.weir.common.types.RowType;
import java.util.List;

/**
 * A window join: rows of two windowed inputs (each carrying window_start/window_end) join when
 * their windows and keys are equal; each window's rows are buffered until the watermark passes
 * the window's end, then joined and emitted once, insert-only (outer joins pad the unmatched, SEMI
 * and ANTI emit left rows). Rows of closed windows are late: dropped and counted. Output: left
 * fields then right fields (left only for SEMI and ANTI).
 */
public record WindowJoinSpec(
    JoinType joinType,
    List<Integer> leftKeys,
    List<Integer> rightKeys,
    int leftWindowEnd,
    int rightWindowEnd,
    ExprSpec condition,
    RowType leftType,
    RowType rightType,
    RowType outputType)
    implements OperatorSpec {

  public WindowJoinSpec {
    requireNonNull(joinType, "joinType");
    leftKeys = List.copyOf(leftKeys);
    rightKeys = List.copyOf(rightKeys);
    requireNonNull(leftType, "leftType");
    requireNonNull(rightType, "rightType");
    requireNonNull(outputType, "outputType");
  }

  @Override
  public String explain() {
    return "WindowJoin(joinType=[" + joinType + "], leftWindow=[" + leftType.name(leftWindowEnd) + "], rightWindow=["
        + rightType.name(rightWindowEnd) + "], select=[" + String.join(", ", outputType.names()) + "])";
  }
}
