package io.weir.common.plan;

import static java.util.Objects.requireNonNull;

import io.weir.common.types.RowType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A regular join of two changelogs on equal keys ({@code leftKeys[i] = rightKeys[i]}), with an
 * optional non-equi {@code condition} over the joined row (left fields, then right fields). Input
 * 0 is the left side, input 1 the right. Each side's rows are kept in state by join key (and by the
 * side's unique key when known, so updates find their row without scanning), and joined with every
 * later row of the other side; an outer join's NULL-padded row is retracted when its first match
 * arrives and re-emitted when its last match goes. Output: left fields then right fields (left
 * only for SEMI and ANTI).
 *
 * @param leftUniqueKey fields that identify a left row (an upsert key), or empty when unknown
 * @param stateTtlMillis how long a row stays in state after its last change; 0 keeps it forever
 */
public record JoinSpec(
    JoinType joinType,
    List<Integer> leftKeys,
    List<Integer> rightKeys,
    ExprSpec condition,
    List<Integer> leftUniqueKey,
    List<Integer> rightUniqueKey,
    long stateTtlMillis,
    RowType leftType,
    RowType rightType,
    RowType outputType)
    implements OperatorSpec {

  public JoinSpec {
    requireNonNull(joinType, "joinType");
    leftKeys = List.copyOf(leftKeys);
    rightKeys = List.copyOf(rightKeys);
    if (leftKeys.size() != rightKeys.size()) {
      throw new IllegalArgumentException("join keys " + leftKeys + " and " + rightKeys + " differ in number");
    }
    leftUniqueKey = List.copyOf(leftUniqueKey);
    rightUniqueKey = List.copyOf(rightUniqueKey);
    requireNonNull(leftType, "leftType");
    requireNonNull(rightType, "rightType");
    requireNonNull(outputType, "outputType");
  }

  @Override
  public String explain() {
    List<String> l = leftType.names();
    List<String> r = rightType.names();
    List<String> both = new java.util.ArrayList<>(l);
    both.addAll(r);
    String keys = java.util.stream.IntStream.range(0, leftKeys.size())
        .mapToObj(i -> "=(" + l.get(leftKeys.get(i)) + ", " + r.get(rightKeys.get(i)) + ")")
        .collect(Collectors.joining(", "));
    return "Join(joinType=[" + joinType + "], where=[" + (leftKeys.isEmpty() ? "" : keys)
        + (condition == null ? "" : (leftKeys.isEmpty() ? "" : ", ") + condition.explain(both)) + "], select=["
        + String.join(", ", outputType.names()) + "])";
  }
}
