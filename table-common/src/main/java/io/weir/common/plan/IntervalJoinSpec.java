package io.weir.common.plan;

import static java.util.Objects.requireNonNull;

import io.weir.common.types.RowType;
import java.util.List;

/**
 * An interval join: rows of insert-only inputs join when their keys are equal and
 * {@code right.time + lowerBound <= left.time <= right.time + upperBound} (milliseconds), e.g.
 * {@code l.ts BETWEEN r.ts - INTERVAL '1' MINUTE AND r.ts + INTERVAL '1' MINUTE} is bounds
 * [-60000, 60000]. Rows are kept only as long as a future row of the other side can still match
 * them: the watermark (event time) or the clock (processing time) frees them, and an outer join
 * emits a row's NULL-padded version when it is freed without having matched. Output: left fields
 * then right fields; insert-only.
 */
public record IntervalJoinSpec(
    JoinType joinType,
    List<Integer> leftKeys,
    List<Integer> rightKeys,
    int leftTimeField,
    int rightTimeField,
    long lowerBound,
    long upperBound,
    boolean eventTime,
    ExprSpec condition,
    RowType leftType,
    RowType rightType,
    RowType outputType)
    implements OperatorSpec {

  public IntervalJoinSpec {
    requireNonNull(joinType, "joinType");
    leftKeys = List.copyOf(leftKeys);
    rightKeys = List.copyOf(rightKeys);
    if (lowerBound > upperBound) {
      throw new IllegalArgumentException("interval [" + lowerBound + ", " + upperBound + "] is empty");
    }
    requireNonNull(leftType, "leftType");
    requireNonNull(rightType, "rightType");
    requireNonNull(outputType, "outputType");
  }

  @Override
  public String explain() {
    return "IntervalJoin(joinType=[" + joinType + "], windowBounds=[isRowTime=" + eventTime + ", leftLowerBound="
        + lowerBound + ", leftUpperBound=" + upperBound + ", leftTimeIndex=" + leftTimeField + ", rightTimeIndex="
        + rightTimeField + "], select=[" + String.join(", ", outputType.names()) + "])";
  }
}
