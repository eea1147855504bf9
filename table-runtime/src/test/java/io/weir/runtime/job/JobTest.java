package io.weir.runtime.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.common.config.Configuration;
import io.weir.common.data.Row;
import io.weir.common.plan.CalcSpec;
import io.weir.common.plan.ChangelogMode;
import io.weir.common.plan.CollectSpec;
import io.weir.common.plan.EdgeSpec;
import io.weir.common.plan.ExprSpec;
import io.weir.common.plan.OperatorSpec;
import io.weir.common.plan.Partitioning;
import io.weir.common.plan.ScanSpec;
import io.weir.common.plan.StreamGraph;
import io.weir.common.plan.StreamNode;
import io.weir.common.plan.UnionSpec;
import io.weir.common.plan.WatermarkSpec;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Jobs built straight from specs: parallel tasks, channels, watermarks, failure and cancellation. */
class JobTest {
  private static final RowType ROW = RowType.builder().add("id", LogicalType.bigint()).add("ts", LogicalType.timestamp(3)).build();
  private static final LogicalType BOOL = LogicalType.bool();

  /** Records rows and watermarks; counts down when it finishes or fails. */
  static final class Recorder implements ResultCollector {
    final List<Row> rows = new CopyOnWriteArrayList<>();
    final List<Long> watermarks = new CopyOnWriteArrayList<>();
    final CountDownLatch done = new CountDownLatch(1);
    volatile Throwable failure;

    @Override public void collect(Row row) { rows.add(row); }
    @Override public void onWatermark(long watermark) { watermarks.add(watermark); }
    @Override public void finish() { done.countDown(); }
    @Override public void fail(Throwable cause) { failure = cause; done.countDown(); }
  }

  private static ScanSpec scan(Map<String, String> options) {
    // ts - 2 seconds as the watermark; every field read and emitted.
    ExprSpec wm = new ExprSpec.Call("-", List.of(new ExprSpec.InputRef(1, LogicalType.timestamp(3)),
        new ExprSpec.Literal(2000L, LogicalType.intervalDayTime())), LogicalType.timestamp(3));
    return new ScanSpec("t", options, ROW, List.of(0, 1), List.of(), List.of(), new WatermarkSpec(1, wm), null,
        List.of(0, 1), ROW);
  }

  private static CalcSpec evenIds() {
    ExprSpec id = new ExprSpec.InputRef(0, LogicalType.bigint());
    ExprSpec even = new ExprSpec.Call("=", List.of(
        new ExprSpec.Call("MOD", List.of(id, new ExprSpec.Literal(2L, LogicalType.bigint())), LogicalType.bigint()),
        new ExprSpec.Literal(0L, LogicalType.bigint())), BOOL);
    return new CalcSpec(List.of(id, new ExprSpec.InputRef(1, LogicalType.timestamp(3))), even, ROW, ROW);
  }

  private static StreamNode node(int id, OperatorSpec spec, int parallelism) {
    return new StreamNode(id, spec, parallelism, ChangelogMode.INSERT_ONLY);
  }

  private static Job run(StreamGraph graph, Recorder recorder) {
    return Job.start("job", "test", graph, new Configuration(), id -> recorder);
  }

  @Test
  void parallelSourceThroughCalcIntoOneCollector() throws Exception {
    Recorder out = new Recorder();
    StreamGraph graph = new StreamGraph(
        List.of(node(0, scan(Map.of("connector", "test-source", "rows", "10000", "splits", "5")), 3),
            node(1, evenIds(), 3),
            node(2, new CollectSpec("r", ROW), 1)),
        List.of(new EdgeSpec(0, 1, 0, new Partitioning.Forward()), new EdgeSpec(1, 2, 0, new Partitioning.Single())));
    Job job = run(graph, out);
    assertEquals(JobStatus.FINISHED, job.await(Duration.ofSeconds(60)));
    List<Long> ids = new ArrayList<>(out.rows.stream().map(r -> (Long) r.field(0)).toList());
    Collections.sort(ids);
    List<Long> expected = new ArrayList<>();
    for (long i = 0; i < 10000; i += 2) {
      expected.add(i);
    }
    assertEquals(expected, ids);
    // Watermarks only rise, and the end of the bounded input closes everything.
    for (int i = 1; i < out.watermarks.size(); i++) {
      assertTrue(out.watermarks.get(i) > out.watermarks.get(i - 1), out.watermarks.toString());
    }
    assertEquals(Long.MAX_VALUE, out.watermarks.get(out.watermarks.size() - 1));
  }

  @Test
  void unionOfTwoInputsWithDifferentParallelism() throws Exception {
    Recorder out = new Recorder();
    StreamGraph graph = new StreamGraph(
        List.of(node(0, scan(Map.of("connector", "test-source", "rows", "300", "splits", "2")), 2),
            node(1, scan(Map.of("connector", "test-source", "rows", "200")), 1),
            node(2, new UnionSpec(2, ROW), 2),
            node(3, new CollectSpec("r", ROW), 1)),
        List.of(new EdgeSpec(0, 2, 0, new Partitioning.Forward()),
            new EdgeSpec(1, 2, 1, new Partitioning.Rebalance()),
            new EdgeSpec(2, 3, 0, new Partitioning.Single())));
    assertEquals(JobStatus.FINISHED, run(graph, out).await(Duration.ofSeconds(60)));
    assertEquals(500, out.rows.size());
  }

  @Test
  void aFailingTaskFailsTheJobWithItsReason() throws Exception {
    Recorder out = new Recorder();
    StreamGraph graph = new StreamGraph(
        List.of(node(0, scan(Map.of("connector", "test-source", "rows", "100000", "splits", "2", "fail-at", "5001")), 2),
            node(1, new CollectSpec("r", ROW), 1)),
        List.of(new EdgeSpec(0, 1, 0, new Partitioning.Single())));
    Job job = run(graph, out);
    assertEquals(JobStatus.FAILED, job.await(Duration.ofSeconds(60)));
    String message = job.failure().getMessage();
    assertTrue(message.contains("test source failed at id 5001"), message);
    assertTrue(message.contains("TableSourceScan (2/2)"), message);
    out.done.await();
    assertEquals(job.failure(), out.failure);
  }

  @Test
  void cancellingStopsAnUnboundedJob() throws Exception {
    Recorder out = new Recorder();
    StreamGraph graph = new StreamGraph(
        List.of(node(0, scan(Map.of("connector", "test-source", "rows", "10", "unbounded", "true")), 2),
            node(1, new CollectSpec("r", ROW), 1)),
        List.of(new EdgeSpec(0, 1, 0, new Partitioning.Single())));
    Job job = run(graph, out);
    while (out.rows.size() < 10) {
      Thread.sleep(10);
    }
    assertEquals(null, job.await(Duration.ofMillis(200)));
    job.cancel();
    assertEquals(JobStatus.CANCELED, job.await(Duration.ofSeconds(30)));
    out.done.await();
    assertTrue(out.failure instanceof java.util.concurrent.CancellationException);
  }

  @Test
  void anIdleSplitStopsHoldingTheWatermarkBackAfterTheIdleTimeout() throws Exception {
    for (boolean withTimeout : new boolean[] {false, true}) {
      Recorder out = new Recorder();
      // Split 0 keeps producing for the whole test; split 1 never produces anything.
      Map<String, String> options = new java.util.HashMap<>(Map.of("connector", "test-source", "rows", "1000000000",
          "splits", "2", "silent-split", "1", "unbounded", "true"));
      if (withTimeout) {
        options.put("scan.watermark.idle-timeout", "100 ms");
      }
      StreamGraph graph = new StreamGraph(
          List.of(node(0, scan(options), 1), node(1, new CollectSpec("r", ROW), 1)),
          List.of(new EdgeSpec(0, 1, 0, new Partitioning.Forward())));
      Job job = run(graph, out);
      while (out.rows.size() < 100_000) {
        Thread.sleep(10);
      }
      Thread.sleep(500);
      job.cancel();
      job.await(Duration.ofSeconds(30));
      if (withTimeout) {
        assertTrue(!out.watermarks.isEmpty() && out.watermarks.get(out.watermarks.size() - 1) > 0,
            "the active split's watermark flows once the silent one is idle: " + out.watermarks);
      } else {
        assertTrue(out.watermarks.isEmpty(), "a silent split holds the watermark back: " + out.watermarks);
      }
    }
  }
}
