package io.weir.runtime.operator.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.common.data.Row;
import io.weir.common.plan.AggregateCallSpec;
import io.weir.common.plan.WindowAggSpec;
import io.weir.common.plan.WindowSpec;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import io.weir.runtime.testing.OperatorHarness;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every test runs straight and with a snapshot and restore after each input. */
class WindowAggOperatorTest {
  /** (k STRING, ts TIMESTAMP(3), v BIGINT). */
  private static final RowType INPUT = RowType.builder()
      .add("k", LogicalType.string())
      .add("ts", LogicalType.timestamp(3))
      .add("v", LogicalType.bigint())
      .build();

  private static final AggregateCallSpec COUNT =
      new AggregateCallSpec("COUNT", List.of(), false, -1, LogicalType.bigint().notNull(), "cnt");
  private static final AggregateCallSpec SUM =
      new AggregateCallSpec("SUM", List.of(2), false, -1, LogicalType.bigint(), "total");

  private static WindowAggSpec spec(WindowSpec window, boolean eventTime, List<Integer> keys, AggregateCallSpec... calls) {
    RowType.Builder out = RowType.builder();
    for (int k : keys) {
      out.add(INPUT.name(k), INPUT.type(k));
    }
    for (AggregateCallSpec c : calls) {
      out.add(c.name(), c.resultType());
    }
    out.add("window_start", LogicalType.timestamp(3))
        .add("window_end", LogicalType.timestamp(3))
        .add("window_time", LogicalType.timestamp(3));
    return new WindowAggSpec(window, 1, eventTime, keys, List.of(calls), INPUT, out.build());
  }

  private static WindowAggSpec countPerKey(WindowSpec window) {
    return spec(window, true, List.of(0), COUNT);
  }

  private static OperatorHarness harness(WindowAggSpec spec, boolean restore) {
    OperatorHarness h = OperatorHarness.of(() -> new WindowAggOperator(spec));
    return restore ? h.snapshotAndRestoreAfterEachInput() : h;
  }

  private static Row row(String k, long ts) {
    return Row.of(k, ts, ts);
  }

  /** An output row of a count per key: k, cnt, start, end, end - 1. */
  private static Row counted(String k, long count, long start, long end) {
    return Row.of(k, count, start, end, end - 1);
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void tumbleCountsPerKeyWithOutOfOrderRows(boolean restore) {
    OperatorHarness h = harness(countPerKey(new WindowSpec.Tumble(10, 0)), restore)
        .input(row("a", 1), row("b", 3), row("a", 12), row("a", 5)) // 5 is out of order, but not late
        .watermark(8)
        .expectOutput()
        .watermark(9) // [0, 10) fires at 10 - 1
        .expectOutput(counted("a", 2, 0, 10), counted("b", 1, 0, 10))
        .input(row("b", 10), row("a", 19))
        .watermark(25)
        .expectOutput(counted("a", 2, 10, 20), counted("b", 1, 10, 20))
        .watermark(Long.MAX_VALUE) // end of a bounded input
        .expectOutput();
    assertEquals(List.of(8L, 9L, 25L, Long.MAX_VALUE), h.watermarks());
    assertEquals(0, h.lateRows());
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void lateRowsAreDroppedAndCounted(boolean restore) {
    OperatorHarness h = harness(countPerKey(new WindowSpec.Tumble(10, 0)), restore)
        .input(row("a", 2))
        .watermark(9)
        .expectOutput(counted("a", 1, 0, 10))
        .input(row("a", 5), row("a", 9)) // both in the fired [0, 10)
        .input(row("a", 10))
        .watermark(Long.MAX_VALUE)
        .expectOutput(counted("a", 1, 10, 20));
    assertEquals(2, h.lateRows());
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void hopEmitsEveryWindowOnceWithItsCount(boolean restore) {
    // HOP(size 60, slide 20): slices of 20, each row in three windows.
    harness(countPerKey(new WindowSpec.Hop(60, 20, 0)), restore)
        .input(row("a", 5), row("a", 25), row("a", 45), row("a", 65))
        .watermark(19)
        .expectOutput(counted("a", 1, -40, 20))
        .watermark(39)
        .expectOutput(counted("a", 2, -20, 40))
        // 10 is late for [-40, 20) and [-20, 40), which fired, but not for [0, 60).
        .input(row("a", 10))
        .watermark(59)
        .expectOutput(counted("a", 4, 0, 60))
        .watermark(Long.MAX_VALUE)
        .expectOutput(counted("a", 3, 20, 80), counted("a", 2, 40, 100), counted("a", 1, 60, 120));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void hopWithSizeEqualToSlideIsATumble(boolean restore) {
    harness(countPerKey(new WindowSpec.Hop(60, 60, 0)), restore)
        .input(row("a", 0), row("a", 59), row("a", 60), row("b", 61))
        .watermark(Long.MAX_VALUE)
        .expectOutput(counted("a", 2, 0, 60), counted("a", 1, 60, 120), counted("b", 1, 60, 120));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void cumulateEmitsEachGrowingWindow(boolean restore) {
    harness(spec(new WindowSpec.Cumulate(30, 10, 0), true, List.of(0), COUNT, SUM), restore)
        .input(row("a", 1), row("a", 12))
        .watermark(15)
        .expectOutput(Row.of("a", 1L, 1L, 0L, 10L, 9L))
        // 5 is late for [0, 10) but not for [0, 20) and [0, 30).
        .input(row("a", 5), row("a", 25), row("a", 31))
        .watermark(Long.MAX_VALUE)
        .expectOutput(
            Row.of("a", 3L, 18L, 0L, 20L, 19L),
            Row.of("a", 4L, 43L, 0L, 30L, 29L),
            Row.of("a", 1L, 31L, 30L, 40L, 39L),
            Row.of("a", 1L, 31L, 30L, 50L, 49L),
            Row.of("a", 1L, 31L, 30L, 60L, 59L));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void cumulateStartsAtTheFirstNonEmptyWindow(boolean restore) {
    harness(countPerKey(new WindowSpec.Cumulate(30, 10, 0)), restore)
        .input(row("a", 22))
        .watermark(Long.MAX_VALUE)
        .expectOutput(counted("a", 1, 0, 30));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void sessionsMergeWhenARowBridgesThem(boolean restore) {
    OperatorHarness h = harness(spec(new WindowSpec.Session(10), true, List.of(0), COUNT, SUM), restore)
        .input(row("a", 0), row("a", 15), row("b", 3))
        .watermark(5)
        .expectOutput()
        .input(row("a", 8)) // [8, 18) overlaps [0, 10) and [15, 25): one session [0, 25)
        .watermark(13)
        .expectOutput(Row.of("b", 1L, 3L, 3L, 13L, 12L))
        .input(row("a", 30)) // [30, 40)
        .input(row("a", 25)) // [25, 35) touches [0, 25) and overlaps [30, 40): all merge, as in Flink
        .watermark(44)
        .expectOutput(Row.of("a", 5L, 78L, 0L, 40L, 39L))
        .input(row("a", 30)) // [30, 40) fired already: late
        .input(row("a", 40)) // [40, 50): a new session
        .watermark(Long.MAX_VALUE)
        .expectOutput(Row.of("a", 1L, 40L, 40L, 50L, 49L));
    assertEquals(1, h.lateRows());
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void mergedSessionsKeepTimeOrder(boolean restore) {
    AggregateCallSpec list = new AggregateCallSpec("LISTAGG", List.of(0), false, -1, LogicalType.string(), "l");
    AggregateCallSpec first = new AggregateCallSpec("FIRST_VALUE", List.of(0), false, -1, LogicalType.string(), "f");
    // One global session; the values are the rows' k. Sessions merge in start order, then the
    // bridging row is added.
    harness(spec(new WindowSpec.Session(10), true, List.of(), list, first), restore)
        .input(row("late", 20), row("early", 0), row("bridge", 10)) // [20,30), [0,10), then [10,20) joins them
        .watermark(Long.MAX_VALUE)
        .expectOutput(Row.of("early,late,bridge", "early", 0L, 30L, 29L));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void sessionExtendsWithoutMerging(boolean restore) {
    harness(countPerKey(new WindowSpec.Session(10)), restore)
        .input(row("a", 0), row("a", 4), row("a", 2))
        .watermark(12)
        .expectOutput()
        .watermark(13) // [0, 14) fires at 13
        .expectOutput(counted("a", 3, 0, 14));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void processingTimeTumble(boolean restore) {
    WindowAggSpec spec = spec(new WindowSpec.Tumble(10, 0), false, List.of(0), COUNT);
    harness(spec, restore)
        .processingTime(1)
        .input(row("a", 999), row("b", 999)) // the time field is ignored: the clock decides
        .processingTime(7)
        .input(row("a", 0))
        .processingTime(9)
        .expectOutput(counted("a", 2, 0, 10), counted("b", 1, 0, 10))
        .input(row("a", 0))
        .processingTime(15)
        .input(row("a", 0))
        .expectOutput()
        .endInput() // a bounded input's open processing-time windows fire at its end
        .expectOutput(counted("a", 2, 10, 20));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void processingTimeWindowsOfAnInputThatEndsBeforeTheClockMovesFire(boolean restore) {
    WindowAggSpec spec = spec(new WindowSpec.Tumble(10, 0), false, List.of(0), COUNT);
    harness(spec, restore)
        .processingTime(1)
        .input(row("a", 0), row("b", 0), row("a", 0))
        .endInput()
        .expectOutputInAnyOrder(counted("a", 2, 0, 10), counted("b", 1, 0, 10));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void processingTimeSession(boolean restore) {
    WindowAggSpec spec = spec(new WindowSpec.Session(10), false, List.of(0), COUNT);
    harness(spec, restore)
        .processingTime(0)
        .input(row("a", 0))
        .processingTime(5)
        .input(row("a", 0))
        .processingTime(14)
        .expectOutput(counted("a", 2, 0, 15));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void globalWindowWithoutKeysAndFirstLastListagg(boolean restore) {
    AggregateCallSpec first = new AggregateCallSpec("FIRST_VALUE", List.of(0), false, -1, LogicalType.string(), "f");
    AggregateCallSpec last = new AggregateCallSpec("LAST_VALUE", List.of(0), false, -1, LogicalType.string(), "l");
    AggregateCallSpec list = new AggregateCallSpec("LISTAGG", List.of(0), false, -1, LogicalType.string(), "all");
    AggregateCallSpec distinct = new AggregateCallSpec("COUNT", List.of(0), true, -1, LogicalType.bigint(), "keys");
    // HOP(20, 10): window [0, 20) merges slices [0, 10) and [10, 20), in time order.
    harness(spec(new WindowSpec.Hop(20, 10, 0), true, List.of(), first, last, list, distinct), restore)
        .input(row("x", 12), row("y", 3), row("x", 5), row("z", 15))
        .watermark(19)
        .expectOutput(
            Row.of("y", "x", "y,x", 2L, -10L, 10L, 9L),
            Row.of("y", "z", "y,x,x,z", 3L, 0L, 20L, 19L));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void filterAppliesInWindows(boolean restore) {
    RowType input = RowType.builder().add("k", LogicalType.string()).add("ts", LogicalType.timestamp(3))
        .add("v", LogicalType.bigint()).add("f", LogicalType.bool()).build();
    AggregateCallSpec filtered = new AggregateCallSpec("COUNT", List.of(), false, 3, LogicalType.bigint(), "c");
    RowType out = RowType.builder().add("c", LogicalType.bigint()).add("window_start", LogicalType.timestamp(3))
        .add("window_end", LogicalType.timestamp(3)).add("window_time", LogicalType.timestamp(3)).build();
    WindowAggSpec spec = new WindowAggSpec(new WindowSpec.Tumble(10, 0), 1, true, List.of(), List.of(filtered), input, out);
    harness(spec, restore)
        .input(Row.of("a", 1L, 1L, true), Row.of("a", 2L, 1L, false), Row.of("a", 3L, 1L, null), Row.of("a", 4L, 1L, true))
        .watermark(Long.MAX_VALUE)
        .expectOutput(Row.of(2L, 0L, 10L, 9L));
  }

  static Stream<Arguments> slicedWindows() {
    List<WindowSpec> windows = List.of(
        new WindowSpec.Tumble(10, 0),
        new WindowSpec.Tumble(10, 3),
        new WindowSpec.Hop(30, 10, 0),
        new WindowSpec.Hop(25, 10, 5),
        new WindowSpec.Hop(6, 10, 0),
        new WindowSpec.Cumulate(40, 10, 0),
        new WindowSpec.Cumulate(30, 5, 2));
    List<Arguments> args = new ArrayList<>();
    for (WindowSpec w : windows) {
      args.add(Arguments.of(w, false));
      args.add(Arguments.of(w, true));
    }
    return args.stream();
  }

  /**
   * Random out-of-order rows and watermarks against a brute-force oracle built on {@link
   * Windows#windowsFor}: a row counts in each of its windows that had not fired when it arrived;
   * each non-empty window is emitted exactly once, when the watermark passes its end - 1.
   */
  @ParameterizedTest(name = "{0} restore={1}")
  @MethodSource("slicedWindows")
  void slicedWindowsMatchABruteForceOracle(WindowSpec window, boolean restore) {
    OperatorHarness h = harness(spec(window, true, List.of(0), COUNT, SUM), restore);
    Random random = new Random(42);
    Map<List<Object>, long[]> oracle = new LinkedHashMap<>(); // (key, start, end) -> count, sum
    long watermark = Long.MIN_VALUE;
    long maxTs = 0;
    long late = 0;
    for (int i = 0; i < 300; i++) {
      long ts = Math.max(0, maxTs + random.nextInt(14) - 10);
      maxTs = Math.max(maxTs, ts);
      String key = "k" + random.nextInt(3);
      h.input(row(key, ts));
      boolean counted = false;
      boolean inSomeWindow = false;
      for (long[] w : Windows.windowsFor(window, ts)) {
        inSomeWindow = true;
        if (w[1] - 1 > watermark) {
          long[] acc = oracle.computeIfAbsent(List.of(key, w[0], w[1]), x -> new long[2]);
          acc[0]++;
          acc[1] += ts;
          counted = true;
        }
      }
      if (inSomeWindow && !counted) {
        late++;
      }
      if (i % 7 == 6) {
        long next = maxTs - 4;
        if (next > watermark) {
          h.watermark(next);
          h.expectOutputInAnyOrder(fired(oracle, watermark, next));
          watermark = next;
        }
      }
    }
    h.watermark(Long.MAX_VALUE);
    h.expectOutputInAnyOrder(fired(oracle, watermark, Long.MAX_VALUE));
    assertEquals(late, h.lateRows());
  }

  private static Row[] fired(Map<List<Object>, long[]> oracle, long from, long to) {
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<List<Object>, long[]> e : oracle.entrySet()) {
      long start = (Long) e.getKey().get(1);
      long end = (Long) e.getKey().get(2);
      if (end - 1 > from && end - 1 <= to) {
        rows.add(Row.of(e.getKey().get(0), e.getValue()[0], e.getValue()[1], start, end, end - 1));
      }
    }
    return rows.toArray(new Row[0]);
  }
}
