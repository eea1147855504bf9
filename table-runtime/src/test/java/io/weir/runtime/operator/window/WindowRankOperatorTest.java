package io.weir.runtime.operator.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.common.data.Row;
import io.weir.common.plan.SortKeySpec;
import io.weir.common.plan.WindowRankSpec;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import io.weir.runtime.testing.OperatorHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowRankOperatorTest {
  // (k, price, window_start, window_end, window_time), partitioned by k and the window.
  private static final RowType INPUT = RowType.builder()
      .add("k", LogicalType.string()).add("price", LogicalType.integer())
      .add("window_start", LogicalType.timestamp(3)).add("window_end", LogicalType.timestamp(3))
      .add("window_time", LogicalType.timestamp(3)).build();
  private static final RowType WITH_RANK = RowType.builder()
      .add("k", LogicalType.string()).add("price", LogicalType.integer())
      .add("window_start", LogicalType.timestamp(3)).add("window_end", LogicalType.timestamp(3))
      .add("window_time", LogicalType.timestamp(3)).add("rn", LogicalType.bigint()).build();
  private static final List<Integer> KEY_AND_WINDOW = List.of(0, 2, 3);
  private static final List<SortKeySpec> PRICE_DESC = List.of(new SortKeySpec(1, false, false));

  private static OperatorHarness harness(long start, long end, boolean rankNumber) {
    WindowRankSpec spec = new WindowRankSpec(3, KEY_AND_WINDOW, PRICE_DESC, start, end, rankNumber, INPUT,
        rankNumber ? WITH_RANK : INPUT);
    return OperatorHarness.of(() -> new WindowRankOperator(spec)).snapshotAndRestoreAfterEachInput();
  }

  /** A row of window [start, start + 10). */
  private static Row r(String k, int price, long start) {
    return Row.of(k, price, start, start + 10, start + 9);
  }

  private static Row ranked(String k, int price, long start, long rank) {
    return Row.of(k, price, start, start + 10, start + 9, rank);
  }

  @Test
  void topTwoPerWindowAndKey() {
    harness(1, 2, true)
        .input(r("a", 5, 0), r("a", 9, 0), r("b", 1, 0), r("a", 7, 0), r("a", 3, 10)).expectOutput()
        // Ties with 7 after it: rank 3, not kept.
        .input(r("a", 7, 0))
        .watermark(8).expectOutput()
        // [0, 10) fires at 9; a's timer was registered first. [10, 20) waits.
        .watermark(9).expectOutput(ranked("a", 9, 0, 1), ranked("a", 7, 0, 2), ranked("b", 1, 0, 1))
        .watermark(19).expectOutput(ranked("a", 3, 10, 1));
  }

  @Test
  void rowsOfFiredWindowsAreLate() {
    OperatorHarness h = harness(1, 2, false)
        .input(r("a", 5, 0))
        .watermark(9).expectOutput(r("a", 5, 0))
        .input(r("a", 100, 0), r("b", 100, 0)).expectOutput()
        .input(r("a", 1, 10))
        .watermark(25).expectOutput(r("a", 1, 10));
    assertEquals(2, h.lateRows());
    assertEquals(List.of(9L, 25L), h.watermarks());
  }

  @Test
  void rankRangeWithOffset() {
    harness(2, 3, false)
        .input(r("a", 1, 0), r("a", 4, 0), r("a", 3, 0), r("a", 2, 0), r("b", 8, 0))
        .watermark(9).expectOutput(r("a", 3, 0), r("a", 2, 0));
  }

  @Test
  void windowDeduplicationKeepsTheFirst() {
    // ORDER BY price ASC, rn = 1: the cheapest, the first of equals.
    WindowRankSpec spec = new WindowRankSpec(3, KEY_AND_WINDOW, List.of(new SortKeySpec(1, true, true)), 1, 1, false,
        INPUT, INPUT);
    OperatorHarness.of(() -> new WindowRankOperator(spec)).snapshotAndRestoreAfterEachInput()
        .input(Row.of("a", 5, 0L, 10L, 9L), Row.of("a", 2, 0L, 10L, 9L), Row.of("x", 2, 0L, 10L, 9L))
        .watermark(Long.MAX_VALUE).expectOutput(Row.of("a", 2, 0L, 10L, 9L), Row.of("x", 2, 0L, 10L, 9L));
  }
}
