package io.weir.runtime.operator.join;

import io.weir.common.data.Row;
import io.weir.common.plan.ExprSpec;
import io.weir.common.types.RowType;
import io.weir.runtime.expr.ExpressionCompiler;
import io.weir.runtime.expr.RowPredicate;
import io.weir.runtime.operator.OperatorContext;
import io.weir.state.serialization.Serializers;
import java.util.List;

/**
 * Builds the rows a join emits — left fields then right fields, or one side NULL-padded — and
 * tests the join's non-equi condition on them. Shared by the regular, interval and window joins.
 *
 * <p>The condition sees the joined row (left fields, then right fields), so a pair is built once:
 * the row the condition accepted is the row emitted, not a second copy.
 */
final class JoinedRows {
  private final int leftArity;
  private final int rightArity;
  /** Null when the join has no condition beyond its equal keys: every pair of a key matches. */
  private final RowPredicate condition;

  JoinedRows(RowType leftType, RowType rightType, ExprSpec condition, OperatorContext context) {
    this.leftArity = leftType.arity();
    this.rightArity = rightType.arity();
    this.condition =
        condition == null ? null : new ExpressionCompiler(context.compileContext()).compilePredicate(condition);
  }

  /** True if the pair satisfies the condition; builds the joined row only when there is one. */
  boolean matches(Row left, Row right) {
    return condition == null || condition.test(concat(left, right));
  }

  /** The joined {@code +I} row of the pair, or null when the condition rejects it. */
  Row joinIfMatches(Row left, Row right) {
    Row joined = concat(left, right);
    return condition == null || condition.test(joined) ? joined : null;
  }

  /** The left row with NULLs for the right side's fields ({@code +I}). */
  Row leftWithNulls(Row left) {
    Object[] fields = new Object[leftArity + rightArity];
    for (int i = 0; i < leftArity; i++) {
      fields[i] = left.field(i);
    }
    return Row.of(fields);
  }

  /** NULLs for the left side's fields, then the right row ({@code +I}). */
  Row nullsWithRight(Row right) {
    Object[] fields = new Object[leftArity + rightArity];
    for (int i = 0; i < rightArity; i++) {
      fields[leftArity + i] = right.field(i);
    }
    return Row.of(fields);
  }

  private Row concat(Row left, Row right) {
    Object[] fields = new Object[leftArity + rightArity];
    for (int i = 0; i < leftArity; i++) {
      fields[i] = left.field(i);
    }
    for (int i = 0; i < rightArity; i++) {
      fields[leftArity + i] = right.field(i);
    }
    return Row.of(fields);
  }

  /** True if any field of a join key is NULL: SQL's {@code =} never holds for it. */
  static boolean hasNull(Row key) {
    for (int i = 0, n = key.arity(); i < n; i++) {
      if (key.isNullAt(i)) {
        return true;
      }
    }
    return false;
  }

  /** Checks that a join's output schema has the columns its type emits. */
  static void checkOutputArity(String join, boolean emitsRight, RowType left, RowType right, RowType output) {
    int expected = left.arity() + (emitsRight ? right.arity() : 0);
    if (output.arity() != expected) {
      throw new IllegalArgumentException(join + " output " + output + " must have " + expected
          + " columns: the left input's" + (emitsRight ? " then the right input's" : " (SEMI/ANTI emit left rows)"));
    }
  }

  /** Checks that the two sides' join keys are as many and of the same types (they share one state key). */
  static void checkKeys(String join, List<Integer> leftKeys, List<Integer> rightKeys,
      RowType left, RowType right) {
    for (int i = 0; i < leftKeys.size(); i++) {
      int l = leftKeys.get(i);
      int r = rightKeys.get(i);
      if (l < 0 || l >= left.arity() || r < 0 || r >= right.arity()) {
        throw new IllegalArgumentException(join + " key pair " + i + " (" + l + ", " + r + ") is out of range for "
            + left + " and " + right);
      }
      // Both sides' keys address one keyed state (declared with the left key types), so equal SQL
      // values must be equal Java objects: INT vs BIGINT would be Integer 1 vs Long 1, never equal.
      String leftForm = Serializers.forType(left.type(l)).signature();
      String rightForm = Serializers.forType(right.type(r)).signature();
      if (!leftForm.equals(rightForm)) {
        throw new IllegalArgumentException(join + " keys " + left.name(l) + " " + left.type(l) + " and "
            + right.name(r) + " " + right.type(r) + " have different internal forms (" + leftForm + " vs "
            + rightForm + "); the planner must cast one side to the other's type");
      }
    }
  }
}
