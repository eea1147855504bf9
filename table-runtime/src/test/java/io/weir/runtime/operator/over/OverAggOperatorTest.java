package io.weir.runtime.operator.over;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.common.data.Row;
import io.weir.common.plan.AggregateCallSpec;
import io.weir.common.plan.OverAggSpec;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import io.weir.runtime.testing.OperatorHarness;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OverAggOperatorTest {
  private static final RowType IN = RowType.builder()
      .add("k", LogicalType.string()).add("v", LogicalType.bigint()).add("ts", LogicalType.timestamp(3)).build();

  private static OverAggSpec spec(boolean rows, long preceding) {
    AggregateCallSpec sum = new AggregateCallSpec("SUM", List.of(1), false, -1, LogicalType.bigint(), "s");
    AggregateCallSpec count = new AggregateCallSpec("COUNT", List.of(), false, -1, LogicalType.bigint().notNull(), "n");
    RowType out = RowType.builder().add("k", LogicalType.string()).add("v", LogicalType.bigint())
        .add("ts", LogicalType.timestamp(3)).add("s", LogicalType.bigint()).add("n", LogicalType.bigint()).build();
    return new OverAggSpec(List.of(0), 2, true, rows, preceding, List.of(sum, count), IN, out);
  }

  private static OperatorHarness harness(OverAggSpec spec, boolean restore) {
    OperatorHarness h = OperatorHarness.of(() -> new OverAggOperator(spec));
    return restore ? h.snapshotAndRestoreAfterEachInput() : h;
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void rowsFrameProcessesEachPartitionInTimeOrder(boolean restore) {
    OperatorHarness h = harness(spec(true, 1), restore)
        .input(Row.of("a", 10L, 3000L), Row.of("a", 1L, 1000L), Row.of("b", 5L, 2000L), Row.of("a", 100L, 2000L))
        .expectOutput()
        .watermark(2500L)
        // a@1000 alone; a@2000 with a@1000; b@2000 alone. Partitions fire by time, then key order of timers.
        .expectOutputInAnyOrder(
            Row.of("a", 1L, 1000L, 1L, 1L), Row.of("a", 100L, 2000L, 101L, 2L), Row.of("b", 5L, 2000L, 5L, 1L))
        .input(Row.of("a", 7L, 2400L))
        .watermark(5000L)
        // Late: at or behind 2500 when it came? No: 2400 < 2500 is late and dropped.
        .expectOutput(Row.of("a", 10L, 3000L, 110L, 2L));
    assertEquals(1, h.lateRows());
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void rangeFrameSharesTheValueAmongPeersAndForgetsOldRows(boolean restore) {
    harness(spec(false, 1000), restore)
        .input(Row.of("a", 1L, 1000L), Row.of("a", 2L, 1500L), Row.of("a", 4L, 1500L), Row.of("a", 8L, 2600L))
        .watermark(3000L)
        .expectOutput(
            Row.of("a", 1L, 1000L, 1L, 1L),
            Row.of("a", 2L, 1500L, 7L, 3L), Row.of("a", 4L, 1500L, 7L, 3L),
            // [1600, 2600]: the rows at 1000 and 1500 have left the frame.
            Row.of("a", 8L, 2600L, 8L, 1L));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void unboundedFrameAccumulatesForever(boolean restore) {
    harness(spec(true, -1), restore)
        .input(Row.of("a", 1L, 1L), Row.of("a", 2L, 2L))
        .watermark(10L)
        .input(Row.of("a", 3L, 11L))
        .watermark(20L)
        .expectOutput(Row.of("a", 1L, 1L, 1L, 1L), Row.of("a", 2L, 2L, 3L, 2L), Row.of("a", 3L, 11L, 6L, 3L));
  }
}
