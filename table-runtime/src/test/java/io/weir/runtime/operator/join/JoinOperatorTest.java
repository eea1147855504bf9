package io.weir.runtime.operator.join;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.weir.common.data.Row;
import io.weir.common.data.RowKind;
import io.weir.common.plan.ExprSpec;
import io.weir.common.plan.JoinSpec;
import io.weir.common.plan.JoinType;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import io.weir.runtime.testing.OperatorHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every test runs straight and with a snapshot and restore after each input. */
class JoinOperatorTest {
  /** Left (k STRING, id INT, v BIGINT). */
  private static final RowType LEFT = RowType.builder()
      .add("k", LogicalType.string()).add("id", LogicalType.integer()).add("v", LogicalType.bigint()).build();
  /** Right (rk STRING, rid INT, w BIGINT). */
  private static final RowType RIGHT = RowType.builder()
      .add("rk", LogicalType.string()).add("rid", LogicalType.integer()).add("w", LogicalType.bigint()).build();

  /** {@code v > w} over the joined row. */
  private static final ExprSpec V_GREATER_THAN_W = new ExprSpec.Call(">", List.of(
      new ExprSpec.InputRef(2, LogicalType.bigint()), new ExprSpec.InputRef(5, LogicalType.bigint())), LogicalType.bool());

  private static final String A = "a";
  private static final String B = "b";

  private static JoinSpec spec(JoinType type, List<Integer> leftUnique, List<Integer> rightUnique, ExprSpec condition,
      long ttl) {
    List<RowType.Column> out = new ArrayList<>(LEFT.columns());
    if (type.emitsRight()) {
      out.addAll(RIGHT.columns());
    }
    return new JoinSpec(type, List.of(0), List.of(0), condition, leftUnique, rightUnique, ttl, LEFT, RIGHT,
        new RowType(out));
  }

  private static JoinSpec spec(JoinType type) {
    return spec(type, List.of(), List.of(), null, 0);
  }

  private static OperatorHarness harness(JoinSpec spec, boolean restore) {
    OperatorHarness h = OperatorHarness.of(() -> new JoinOperator(spec));
    return restore ? h.snapshotAndRestoreAfterEachInput() : h;
  }

  // Input rows.
  private static Row l(RowKind kind, String k, Integer id, long v) {
    return Row.ofKind(kind, k, id, v);
  }

  private static Row l(String k, int id, long v) {
    return l(RowKind.INSERT, k, id, v);
  }

  private static Row r(RowKind kind, String k, Integer id, long w) {
    return Row.ofKind(kind, k, id, w);
  }

  private static Row r(String k, int id, long w) {
    return r(RowKind.INSERT, k, id, w);
  }

  // Output rows.
  private static Row o(RowKind kind, Object... fields) {
    return Row.ofKind(kind, fields);
  }

  private static Row i(Object... f) {
    return o(RowKind.INSERT, f);
  }

  private static Row d(Object... f) {
    return o(RowKind.DELETE, f);
  }

  private static Row ub(Object... f) {
    return o(RowKind.UPDATE_BEFORE, f);
  }

  private static Row ua(Object... f) {
    return o(RowKind.UPDATE_AFTER, f);
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void innerJoinMatchesInBothOrdersOfArrival(boolean restore) {
    harness(spec(JoinType.INNER), restore)
        .input(0, l(A, 1, 10))
        .expectOutput()
        .input(1, r(A, 100, 5))
        .expectOutput(i(A, 1, 10L, A, 100, 5L))
        .input(1, r(B, 200, 7))
        .expectOutput()
        .input(0, l(B, 2, 20))
        .expectOutput(i(B, 2, 20L, B, 200, 7L))
        .input(0, l("c", 3, 30), l(A, 4, 40))
        .expectOutput(i(A, 4, 40L, A, 100, 5L));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void innerJoinForwardsUpdatesAndDeletes(boolean restore) {
    harness(spec(JoinType.INNER), restore)
        .input(0, l(A, 1, 10))
        .input(1, r(A, 100, 5), r(A, 101, 6))
        .expectOutput(i(A, 1, 10L, A, 100, 5L), i(A, 1, 10L, A, 101, 6L))
        // An update of a left row: -U of every joined row, then +U of every new one.
        .input(0, l(RowKind.UPDATE_BEFORE, A, 1, 10), l(RowKind.UPDATE_AFTER, A, 1, 11))
        .expectOutput(ub(A, 1, 10L, A, 100, 5L), ub(A, 1, 10L, A, 101, 6L),
            ua(A, 1, 11L, A, 100, 5L), ua(A, 1, 11L, A, 101, 6L))
        .input(1, r(RowKind.DELETE, A, 100, 5))
        .expectOutput(d(A, 1, 11L, A, 100, 5L))
        .input(1, r(RowKind.UPDATE_BEFORE, A, 101, 6), r(RowKind.UPDATE_AFTER, A, 101, 60))
        .expectOutput(ub(A, 1, 11L, A, 101, 6L), ua(A, 1, 11L, A, 101, 60L))
        // The old versions are gone from state: a new left row meets only the latest right row.
        .input(0, l(A, 2, 20))
        .expectOutput(i(A, 2, 20L, A, 101, 60L));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void uniqueKeyPathFindsRowsByKeyAndTakesUpsertsWithoutUpdateBefore(boolean restore) {
    // Left unique key: id (not the join key); right unique key: the join key itself.
    harness(spec(JoinType.INNER, List.of(1), List.of(0), null, 0), restore)
        .input(0, l(A, 1, 10), l(A, 2, 20))
        .input(1, r(A, 100, 5))
        .expectOutput(i(A, 1, 10L, A, 100, 5L), i(A, 2, 20L, A, 100, 5L))
        .input(0, l(RowKind.UPDATE_BEFORE, A, 1, 10), l(RowKind.UPDATE_AFTER, A, 1, 11))
        .expectOutput(ub(A, 1, 10L, A, 100, 5L), ua(A, 1, 11L, A, 100, 5L))
        // +U for a stored unique key without its -U: the stored row is retracted first.
        .input(0, l(RowKind.UPDATE_AFTER, A, 1, 12))
        .expectOutput(ub(A, 1, 11L, A, 100, 5L), ua(A, 1, 12L, A, 100, 5L))
        // The right side is keyed by its join key: a new row for it replaces the old one. (Left
        // row 1 was re-stored by its update, so it now comes after row 2.)
        .input(1, r(A, 101, 6))
        .expectOutput(d(A, 2, 20L, A, 100, 5L), d(A, 1, 12L, A, 100, 5L),
            i(A, 2, 20L, A, 101, 6L), i(A, 1, 12L, A, 101, 6L))
        // A delete carrying other values than stored (a bare-key delete) retracts the row as stored.
        .input(0, l(RowKind.DELETE, A, 2, 0))
        .expectOutput(d(A, 2, 20L, A, 101, 6L))
        .input(1, r(RowKind.DELETE, A, 101, 6))
        .expectOutput(d(A, 1, 12L, A, 101, 6L))
        .input(0, l(A, 3, 30))
        .expectOutput();
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void duplicatesWithoutUniqueKeyCountOccurrences(boolean restore) {
    harness(spec(JoinType.INNER), restore)
        .input(0, l(A, 1, 10), l(A, 1, 10))
        .input(1, r(A, 100, 5))
        .expectOutput(i(A, 1, 10L, A, 100, 5L), i(A, 1, 10L, A, 100, 5L))
        .input(0, l(RowKind.DELETE, A, 1, 10))
        .expectOutput(d(A, 1, 10L, A, 100, 5L))
        .input(1, r(A, 100, 5))
        .expectOutput(i(A, 1, 10L, A, 100, 5L))
        .input(0, l(RowKind.DELETE, A, 1, 10))
        .expectOutput(d(A, 1, 10L, A, 100, 5L), d(A, 1, 10L, A, 100, 5L))
        // The left row is gone; both copies of the right row remain.
        .input(0, l(A, 2, 20))
        .expectOutput(i(A, 2, 20L, A, 100, 5L), i(A, 2, 20L, A, 100, 5L));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void leftOuterJoinRetractsPaddingOnFirstMatchAndPadsAgainAfterLast(boolean restore) {
    harness(spec(JoinType.LEFT), restore)
        .input(0, l(A, 1, 10))
        .expectOutput(i(A, 1, 10L, null, null, null))
        .input(1, r(A, 100, 5))
        .expectOutput(d(A, 1, 10L, null, null, null), i(A, 1, 10L, A, 100, 5L))
        .input(1, r(A, 101, 6))
        .expectOutput(i(A, 1, 10L, A, 101, 6L))
        .input(1, r(RowKind.DELETE, A, 100, 5))
        .expectOutput(d(A, 1, 10L, A, 100, 5L))
        .input(1, r(RowKind.DELETE, A, 101, 6))
        .expectOutput(d(A, 1, 10L, A, 101, 6L), i(A, 1, 10L, null, null, null))
        // Right rows alone emit nothing; a left row arriving to a match is not padded.
        .input(1, r(B, 200, 7))
        .expectOutput()
        .input(0, l(B, 2, 20))
        .expectOutput(i(B, 2, 20L, B, 200, 7L))
        // Outer joins emit +I/-D only, also for an update of the preserved side.
        .input(0, l(RowKind.UPDATE_BEFORE, B, 2, 20), l(RowKind.UPDATE_AFTER, B, 2, 21))
        .expectOutput(d(B, 2, 20L, B, 200, 7L), i(B, 2, 21L, B, 200, 7L))
        .input(0, l(RowKind.DELETE, A, 1, 10))
        .expectOutput(d(A, 1, 10L, null, null, null));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void rightOuterJoinPadsRightRows(boolean restore) {
    harness(spec(JoinType.RIGHT, List.of(1), List.of(1), null, 0), restore)
        .input(1, r(A, 100, 5))
        .expectOutput(i(null, null, null, A, 100, 5L))
        .input(0, l(A, 1, 10))
        .expectOutput(d(null, null, null, A, 100, 5L), i(A, 1, 10L, A, 100, 5L))
        .input(0, l(A, 2, 20))
        .expectOutput(i(A, 2, 20L, A, 100, 5L))
        .input(0, l(RowKind.DELETE, A, 1, 10), l(RowKind.DELETE, A, 2, 20))
        .expectOutput(d(A, 1, 10L, A, 100, 5L), d(A, 2, 20L, A, 100, 5L), i(null, null, null, A, 100, 5L))
        .input(1, r(RowKind.DELETE, A, 100, 5))
        .expectOutput(d(null, null, null, A, 100, 5L));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void fullOuterJoinPadsBothSides(boolean restore) {
    harness(spec(JoinType.FULL), restore)
        .input(0, l(A, 1, 10))
        .expectOutput(i(A, 1, 10L, null, null, null))
        .input(1, r(B, 200, 7))
        .expectOutput(i(null, null, null, B, 200, 7L))
        .input(1, r(A, 100, 5))
        .expectOutput(d(A, 1, 10L, null, null, null), i(A, 1, 10L, A, 100, 5L))
        .input(0, l(A, 2, 20))
        .expectOutput(i(A, 2, 20L, A, 100, 5L))
        .input(0, l(RowKind.DELETE, A, 1, 10))
        .expectOutput(d(A, 1, 10L, A, 100, 5L))
        .input(0, l(RowKind.DELETE, A, 2, 20))
        .expectOutput(d(A, 2, 20L, A, 100, 5L), i(null, null, null, A, 100, 5L))
        .input(1, r(RowKind.DELETE, A, 100, 5))
        .expectOutput(d(null, null, null, A, 100, 5L));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void outerJoinWithDuplicatesPadsEachOccurrence(boolean restore) {
    harness(spec(JoinType.LEFT), restore)
        .input(0, l(A, 1, 10), l(A, 1, 10))
        .expectOutput(i(A, 1, 10L, null, null, null), i(A, 1, 10L, null, null, null))
        .input(1, r(A, 100, 5))
        .expectOutput(d(A, 1, 10L, null, null, null), d(A, 1, 10L, null, null, null),
            i(A, 1, 10L, A, 100, 5L), i(A, 1, 10L, A, 100, 5L))
        .input(0, l(RowKind.DELETE, A, 1, 10))
        .expectOutput(d(A, 1, 10L, A, 100, 5L))
        .input(1, r(RowKind.DELETE, A, 100, 5))
        .expectOutput(d(A, 1, 10L, A, 100, 5L), i(A, 1, 10L, null, null, null));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void nonEquiConditionDecidesWhatMatches(boolean restore) {
    harness(spec(JoinType.LEFT, List.of(), List.of(), V_GREATER_THAN_W, 0), restore)
        .input(0, l(A, 1, 10))
        .expectOutput(i(A, 1, 10L, null, null, null))
        // 10 > 20 fails: not a match, the padded row stays.
        .input(1, r(A, 101, 20))
        .expectOutput()
        .input(1, r(A, 100, 5))
        .expectOutput(d(A, 1, 10L, null, null, null), i(A, 1, 10L, A, 100, 5L))
        .input(0, l(A, 2, 30))
        .expectOutput(i(A, 2, 30L, A, 101, 20L), i(A, 2, 30L, A, 100, 5L))
        .input(1, r(RowKind.DELETE, A, 101, 20))
        .expectOutput(d(A, 2, 30L, A, 101, 20L))
        .input(1, r(RowKind.DELETE, A, 100, 5))
        .expectOutput(d(A, 1, 10L, A, 100, 5L), i(A, 1, 10L, null, null, null),
            d(A, 2, 30L, A, 100, 5L), i(A, 2, 30L, null, null, null));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void semiJoinEmitsLeftRowsWhileTheyHaveAMatch(boolean restore) {
    harness(spec(JoinType.SEMI), restore)
        .input(0, l(A, 1, 10))
        .expectOutput()
        .input(1, r(A, 100, 5))
        .expectOutput(i(A, 1, 10L))
        .input(1, r(A, 101, 6))
        .expectOutput()
        .input(1, r(RowKind.DELETE, A, 100, 5))
        .expectOutput()
        .input(1, r(RowKind.DELETE, A, 101, 6))
        .expectOutput(d(A, 1, 10L))
        // A left row arriving to a match is emitted at once, its changes forwarded with their kind.
        .input(1, r(B, 200, 7))
        .input(0, l(B, 2, 20))
        .expectOutput(i(B, 2, 20L))
        .input(0, l(RowKind.UPDATE_BEFORE, B, 2, 20), l(RowKind.UPDATE_AFTER, B, 2, 21))
        .expectOutput(ub(B, 2, 20L), ua(B, 2, 21L))
        .input(0, l(RowKind.DELETE, A, 1, 10), l(RowKind.DELETE, B, 2, 21))
        .expectOutput(d(B, 2, 21L));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void antiJoinEmitsLeftRowsWhileTheyHaveNoMatch(boolean restore) {
    harness(spec(JoinType.ANTI, List.of(1), List.of(1), V_GREATER_THAN_W, 0), restore)
        .input(0, l(A, 1, 10))
        .expectOutput(i(A, 1, 10L))
        .input(1, r(A, 101, 20)) // fails the condition: no match
        .expectOutput()
        .input(1, r(A, 100, 5))
        .expectOutput(d(A, 1, 10L))
        .input(0, l(A, 2, 1)) // matches nothing (1 > 20 and 1 > 5 fail)
        .expectOutput(i(A, 2, 1L))
        .input(1, r(RowKind.DELETE, A, 100, 5))
        .expectOutput(i(A, 1, 10L))
        .input(0, l(RowKind.DELETE, A, 1, 10), l(RowKind.DELETE, A, 2, 1))
        .expectOutput(d(A, 1, 10L), d(A, 2, 1L));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void nullKeysNeverMatchButOuterRowsArePadded(boolean restore) {
    harness(spec(JoinType.FULL), restore)
        .input(0, l(RowKind.INSERT, null, 1, 10))
        .expectOutput(i(null, 1, 10L, null, null, null))
        .input(1, r(RowKind.INSERT, null, 100, 5))
        .expectOutput(i(null, null, null, null, 100, 5L))
        .input(0, l(RowKind.DELETE, null, 1, 10))
        .expectOutput(d(null, 1, 10L, null, null, null));
    harness(spec(JoinType.INNER), restore)
        .input(0, l(RowKind.INSERT, null, 1, 10))
        .input(1, r(RowKind.INSERT, null, 100, 5))
        .expectOutput();
    harness(spec(JoinType.ANTI), restore)
        .input(1, r(RowKind.INSERT, null, 100, 5))
        .input(0, l(RowKind.INSERT, null, 1, 10))
        .expectOutput(i(null, 1, 10L));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void stateTtlDropsRowsUntouchedForThatLong(boolean restore) {
    harness(spec(JoinType.INNER, List.of(), List.of(), null, 1000), restore)
        .processingTime(0)
        .input(0, l(A, 1, 10))
        .processingTime(500)
        .input(1, r(A, 100, 5))
        .expectOutput(i(A, 1, 10L, A, 100, 5L))
        // The left row was written at 0: gone at 1000. The right row lives until 1500.
        .processingTime(1000)
        .input(1, r(A, 101, 6))
        .expectOutput()
        .processingTime(1200)
        .input(0, l(A, 2, 20))
        .expectOutput(i(A, 2, 20L, A, 100, 5L), i(A, 2, 20L, A, 101, 6L))
        // As in Flink, a retraction of an expired row still retracts what it had joined.
        .input(0, l(RowKind.DELETE, A, 1, 10))
        .expectOutput(d(A, 1, 10L, A, 100, 5L), d(A, 1, 10L, A, 101, 6L))
        .processingTime(1500)
        .input(0, l(A, 3, 30))
        .expectOutput(i(A, 3, 30L, A, 101, 6L))
        .processingTime(5000)
        .input(0, l(A, 4, 40))
        .input(1, r(A, 102, 7))
        .expectOutput(i(A, 4, 40L, A, 102, 7L));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void stateTtlCountsAMatchCountChangeAsAWrite(boolean restore) {
    harness(spec(JoinType.LEFT, List.of(), List.of(), null, 1000), restore)
        .processingTime(0)
        .input(0, l(A, 1, 10))
        .expectOutput(i(A, 1, 10L, null, null, null))
        // The left row's match count changes at 800: it lives until 1800.
        .processingTime(800)
        .input(1, r(A, 100, 5))
        .expectOutput(d(A, 1, 10L, null, null, null), i(A, 1, 10L, A, 100, 5L))
        // Written at 0 it would be gone at 1000; it is not: losing its match pads it again.
        .processingTime(1500)
        .input(1, r(RowKind.DELETE, A, 100, 5))
        .expectOutput(d(A, 1, 10L, A, 100, 5L), i(A, 1, 10L, null, null, null))
        // That was a write too: it lives until 2500.
        .processingTime(2499)
        .input(1, r(A, 101, 6))
        .expectOutput(d(A, 1, 10L, null, null, null), i(A, 1, 10L, A, 101, 6L))
        .processingTime(3498) // one millisecond before it expires; a match is a write again
        .input(1, r(A, 102, 7))
        .expectOutput(i(A, 1, 10L, A, 102, 7L))
        .processingTime(4499)
        .input(1, r(A, 103, 8))
        .expectOutput();
  }

  @Test
  void rejectsKeysOfDifferentInternalForms() {
    RowType right = RowType.builder()
        .add("rk", LogicalType.bigint()).add("rid", LogicalType.integer()).add("w", LogicalType.bigint()).build();
    List<RowType.Column> out = new ArrayList<>(LEFT.columns());
    out.addAll(right.columns());
    JoinSpec spec = new JoinSpec(JoinType.INNER, List.of(1), List.of(0), null, List.of(), List.of(), 0, LEFT, right,
        new RowType(out));
    assertThrows(IllegalArgumentException.class, () -> new JoinOperator(spec));
  }
}
