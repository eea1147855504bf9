package io.weir.runtime.operator.rank;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.weir.common.data.Row;
import io.weir.common.data.RowKind;
import io.weir.common.plan.RankSpec;
import io.weir.common.plan.SortKeySpec;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import io.weir.runtime.testing.OperatorHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankOperatorTest {
  // (k, id, score): partitioned by k, ordered by score DESC.
  private static final RowType INPUT = RowType.builder()
      .add("k", LogicalType.string()).add("id", LogicalType.integer()).add("score", LogicalType.bigint()).build();
  private static final RowType WITH_RANK = RowType.builder()
      .add("k", LogicalType.string()).add("id", LogicalType.integer()).add("score", LogicalType.bigint())
      .add("rn", LogicalType.bigint()).build();
  private static final List<SortKeySpec> SCORE_DESC = List.of(new SortKeySpec(2, false, false));

  private static RankSpec spec(long start, long end, boolean rankNumber, boolean updating) {
    return new RankSpec(List.of(0), SCORE_DESC, start, end, rankNumber, updating, INPUT, rankNumber ? WITH_RANK : INPUT);
  }

  private static OperatorHarness harness(RankSpec spec) {
    return OperatorHarness.of(() -> new RankOperator(spec)).snapshotAndRestoreAfterEachInput();
  }

  private static Row r(Object... f) {
    return Row.of(f);
  }

  private static Row k(RowKind kind, Object... f) {
    return Row.ofKind(kind, f);
  }

  @Test
  void topThreeEntersTiesAndEvicts() {
    harness(spec(1, 3, false, false))
        .input(r("a", 1, 10L)).expectOutput(r("a", 1, 10L))
        .input(r("a", 2, 30L)).expectOutput(r("a", 2, 30L))
        .input(r("b", 3, 5L)).expectOutput(r("b", 3, 5L))
        .input(r("a", 3, 20L)).expectOutput(r("a", 3, 20L))
        // Ties with id 3 and comes after it (arrival order): rank 3, which pushes id 1 out.
        .input(r("a", 4, 20L)).expectOutput(k(RowKind.DELETE, "a", 1, 10L), r("a", 4, 20L))
        // Ties with ids 3 and 4 at rank 3, so it is rank 4: not in the top.
        .input(r("a", 5, 20L)).expectOutput()
        .input(r("a", 6, 40L)).expectOutput(k(RowKind.DELETE, "a", 4, 20L), r("a", 6, 40L))
        .input(r("a", 7, 1L)).expectOutput()
        // Partition b is untouched by a's evictions.
        .input(r("b", 8, 6L)).expectOutput(r("b", 8, 6L));
  }

  @Test
  void rankNumbersAreUpdatedBottomUp() {
    harness(spec(1, 3, true, false))
        .input(r("a", 1, 10L)).expectOutput(r("a", 1, 10L, 1L))
        .input(r("a", 2, 30L)).expectOutput(
            k(RowKind.UPDATE_BEFORE, "a", 1, 10L, 1L), k(RowKind.UPDATE_AFTER, "a", 1, 10L, 2L), r("a", 2, 30L, 1L))
        .input(r("a", 3, 20L)).expectOutput(
            k(RowKind.UPDATE_BEFORE, "a", 1, 10L, 2L), k(RowKind.UPDATE_AFTER, "a", 1, 10L, 3L), r("a", 3, 20L, 2L))
        .input(r("a", 4, 40L)).expectOutput(
            k(RowKind.DELETE, "a", 1, 10L, 3L),
            k(RowKind.UPDATE_BEFORE, "a", 3, 20L, 2L), k(RowKind.UPDATE_AFTER, "a", 3, 20L, 3L),
            k(RowKind.UPDATE_BEFORE, "a", 2, 30L, 1L), k(RowKind.UPDATE_AFTER, "a", 2, 30L, 2L),
            r("a", 4, 40L, 1L))
        .input(r("a", 5, 1L)).expectOutput()
        // Equal to rank 3's score: after it, so rank 4.
        .input(r("a", 6, 20L)).expectOutput();
  }

  @Test
  void rankRangeWithOffset() {
    // WHERE rn BETWEEN 2 AND 3: rows move in from rank 1 and out past rank 3.
    harness(spec(2, 3, true, false))
        .input(r("a", 1, 10L)).expectOutput()
        .input(r("a", 2, 30L)).expectOutput(r("a", 1, 10L, 2L))
        .input(r("a", 3, 20L)).expectOutput(
            k(RowKind.UPDATE_BEFORE, "a", 1, 10L, 2L), k(RowKind.UPDATE_AFTER, "a", 1, 10L, 3L), r("a", 3, 20L, 2L))
        .input(r("a", 4, 40L)).expectOutput(
            k(RowKind.DELETE, "a", 1, 10L, 3L),
            k(RowKind.UPDATE_BEFORE, "a", 3, 20L, 2L), k(RowKind.UPDATE_AFTER, "a", 3, 20L, 3L),
            r("a", 2, 30L, 2L));
  }

  @Test
  void rankRangeWithOffsetWithoutRankNumber() {
    harness(spec(2, 3, false, false))
        .input(r("a", 1, 10L)).expectOutput()
        .input(r("a", 2, 30L)).expectOutput(r("a", 1, 10L))
        .input(r("a", 3, 20L)).expectOutput(r("a", 3, 20L))
        .input(r("a", 4, 40L)).expectOutput(k(RowKind.DELETE, "a", 1, 10L), r("a", 2, 30L));
  }

  @Test
  void retractionsLetTheNextRowIn() {
    harness(spec(1, 2, false, true))
        .input(r("a", 1, 10L)).expectOutput(r("a", 1, 10L))
        .input(r("a", 2, 20L)).expectOutput(r("a", 2, 20L))
        // Outside the top 2, but kept: a retraction above may bring it in.
        .input(r("a", 3, 5L)).expectOutput()
        .input(k(RowKind.UPDATE_BEFORE, "a", 2, 20L)).expectOutput(k(RowKind.DELETE, "a", 2, 20L), r("a", 3, 5L))
        .input(k(RowKind.UPDATE_AFTER, "a", 2, 3L)).expectOutput()
        .input(k(RowKind.DELETE, "a", 1, 10L)).expectOutput(k(RowKind.DELETE, "a", 1, 10L), r("a", 2, 3L))
        // Retracting a row below the top changes nothing visible.
        .input(r("a", 4, 1L)).expectOutput()
        .input(k(RowKind.DELETE, "a", 4, 1L)).expectOutput()
        // A retraction of a row that was never there is ignored.
        .input(k(RowKind.DELETE, "a", 9, 99L)).expectOutput()
        .input(k(RowKind.DELETE, "a", 3, 5L)).expectOutput(k(RowKind.DELETE, "a", 3, 5L))
        .input(k(RowKind.DELETE, "a", 2, 3L)).expectOutput(k(RowKind.DELETE, "a", 2, 3L))
        // The partition is empty again.
        .input(r("a", 5, 7L)).expectOutput(r("a", 5, 7L));
  }

  @Test
  void retractionsWithRankNumbers() {
    harness(spec(1, 2, true, true))
        .input(r("a", 1, 10L)).expectOutput(r("a", 1, 10L, 1L))
        .input(r("a", 2, 20L)).expectOutput(
            k(RowKind.UPDATE_BEFORE, "a", 1, 10L, 1L), k(RowKind.UPDATE_AFTER, "a", 1, 10L, 2L), r("a", 2, 20L, 1L))
        .input(r("a", 3, 5L)).expectOutput()
        // Top-down: rank 1 is vacated, id 1 moves up into it, id 3 moves into rank 2.
        .input(k(RowKind.UPDATE_BEFORE, "a", 2, 20L)).expectOutput(
            k(RowKind.DELETE, "a", 2, 20L, 1L),
            k(RowKind.UPDATE_BEFORE, "a", 1, 10L, 2L), k(RowKind.UPDATE_AFTER, "a", 1, 10L, 1L),
            r("a", 3, 5L, 2L))
        .input(k(RowKind.UPDATE_AFTER, "a", 2, 30L)).expectOutput(
            k(RowKind.DELETE, "a", 3, 5L, 2L),
            k(RowKind.UPDATE_BEFORE, "a", 1, 10L, 1L), k(RowKind.UPDATE_AFTER, "a", 1, 10L, 2L),
            r("a", 2, 30L, 1L));
  }

  @Test
  void identicalRowsAreRetractedOneAtATime() {
    harness(spec(1, 3, true, true))
        .input(r("a", 1, 10L)).expectOutput(r("a", 1, 10L, 1L))
        .input(r("a", 1, 10L)).expectOutput(r("a", 1, 10L, 2L))
        .input(r("a", 2, 5L)).expectOutput(r("a", 2, 5L, 3L))
        .input(k(RowKind.DELETE, "a", 1, 10L)).expectOutput(
            k(RowKind.DELETE, "a", 1, 10L, 2L),
            k(RowKind.UPDATE_BEFORE, "a", 2, 5L, 3L), k(RowKind.UPDATE_AFTER, "a", 2, 5L, 2L))
        .input(k(RowKind.DELETE, "a", 1, 10L)).expectOutput(
            k(RowKind.DELETE, "a", 1, 10L, 1L),
            k(RowKind.UPDATE_BEFORE, "a", 2, 5L, 2L), k(RowKind.UPDATE_AFTER, "a", 2, 5L, 1L));
  }

  @Test
  void globalTopNOrdersNullsAsAsked() {
    // ORDER BY score ASC NULLS LAST, id DESC, no PARTITION BY: one partition.
    RankSpec spec = new RankSpec(List.of(), List.of(new SortKeySpec(2, true, false), new SortKeySpec(1, false, false)),
        1, 2, false, false, INPUT, INPUT);
    harness(spec)
        .input(r("a", 1, null)).expectOutput(r("a", 1, null))
        .input(r("b", 2, 7L)).expectOutput(r("b", 2, 7L))
        // Ties with a on the null score; id DESC puts it first.
        .input(r("c", 3, null)).expectOutput(k(RowKind.DELETE, "a", 1, null), r("c", 3, null))
        .input(r("d", 4, 7L)).expectOutput(k(RowKind.DELETE, "c", 3, null), r("d", 4, 7L))
        .input(r("e", 5, 8L)).expectOutput();
  }

  @Test
  void retractionOfAnInsertOnlyInputFails() {
    OperatorHarness h = harness(spec(1, 3, false, false)).input(r("a", 1, 10L));
    assertThrows(IllegalStateException.class, () -> h.input(k(RowKind.DELETE, "a", 1, 10L)));
  }
}
