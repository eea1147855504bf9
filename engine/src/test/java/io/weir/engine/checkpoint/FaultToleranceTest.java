package io.weir.engine.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpointing.CompletedCheckpoint;
import io.weir.common.data.Row;
import io.weir.engine.Engine;
import io.weir.engine.Session;
import io.weir.engine.StatementResult;
import io.weir.engine.oracle.Changelogs;
import io.weir.runtime.job.Job;
import io.weir.runtime.job.JobStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden fault-tolerance test: each query runs three ways — straight at parallelism 1 without
 * checkpoints; with checkpoints at parallelism 2; and with checkpoints, stopped abruptly at random
 * moments and restored from its latest checkpoint at parallelism 3, then 2 — and the table its
 * committed output describes must be the same every time, on each state backend. Output reaches
 * the sink's committed table only when a checkpoint completes, so a lost or doubled row shows.
 */
class FaultToleranceTest {
  private static final int ROWS = 6000;
  private static final AtomicInteger RUNS = new AtomicInteger();

  @TempDir Path dir;

  record Query(String name, String sinkColumns, String select) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> queries() {
    List<Query> queries = List.of(
        new Query("window aggregation", "k INT, window_start TIMESTAMP_LTZ(3), cnt BIGINT, total INT",
            "SELECT k, window_start, COUNT(*), SUM(v) FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(ts),"
                + " INTERVAL '10' SECOND)) GROUP BY k, window_start, window_end"),
        new Query("unbounded aggregation", "k INT, cnt BIGINT, total INT, biggest INT",
            "SELECT k, COUNT(*), SUM(v), MAX(v) FROM events GROUP BY k"),
        new Query("regular join", "id BIGINT, v INT, label STRING",
            "SELECT e.id, e.v, d.label FROM events e JOIN dims d ON e.k = d.k"),
        new Query("top-n", "k INT, id BIGINT, v INT",
            "SELECT k, id, v FROM (SELECT k, id, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC, id)"
                + " AS rn FROM events) WHERE rn <= 3"));
    List<Arguments> args = new ArrayList<>();
    for (String backend : List.of("heap", "rocksdb")) {
      for (Query q : queries) {
        args.add(Arguments.of(backend, q));
      }
    }
    return args.stream();
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("queries")
  void sameResultStraightCheckpointedAndRestored(String backend, Query query) throws Exception {
    List<List<String>> straight = run(backend, query, 1, 0, null, false);
    assertFalse(straight.isEmpty());
    assertEquals(sorted(straight), sorted(run(backend, query, 2, 4000, null, false)), "with checkpoints at parallelism 2");

    Random random = new Random(query.name().hashCode());
    String sink = "restored-" + RUNS.incrementAndGet();
    CompletedCheckpoint checkpoint = null;
    int[] parallelisms = {2, 3};
    for (int p : parallelisms) {
      checkpoint = killAfter(backend, query, p, sink, checkpoint, 300 + random.nextInt(700));
    }
    assertNotNull(checkpoint, "the killed runs completed a checkpoint");
    // RocksDB checkpoints are incremental: their keyed state is SST files in the shared directory.
    assertEquals(backend.equals("rocksdb"), !checkpoint.metadata().sharedFiles().isEmpty(),
        "shared files of " + checkpoint.directory());
    List<List<String>> restored = finish(backend, query, 2, sink, checkpoint);
    assertEquals(sorted(straight), sorted(restored), "killed twice and restored at parallelism 3, then 2");
  }

  private Session session(String backend, int parallelism, int rowsPerSecond, CompletedCheckpoint restore,
      String sink, Query query) {
    Session s = Engine.create(new io.weir.common.config.Configuration(), dir.resolve("engine-" + RUNS.incrementAndGet())).newSession();
    s.execute("SET 'parallelism.default' = '" + parallelism + "'");
    s.execute("SET 'state.backend' = '" + backend + "'");
    if (rowsPerSecond > 0) {
      s.execute("SET 'execution.checkpointing.interval' = '100 ms'");
    }
    if (restore != null) {
      s.execute("SET 'execution.savepoint.path' = '" + restore.directory() + "'");
    }
    String rate = rowsPerSecond > 0 ? ", 'rows-per-second' = '" + rowsPerSecond + "'" : "";
    s.execute("CREATE TABLE events (id BIGINT, k AS CAST(id % 13 AS INT), v AS CAST(id * 7 % 100 AS INT),"
        + " ts AS TO_TIMESTAMP_LTZ(id * 100, 3), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen',"
        + " 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '" + ROWS + "'" + rate + ")");
    s.execute("CREATE TABLE dims (k INT, label AS 'k' || CAST(k AS STRING)) WITH ('connector' = 'datagen',"
        + " 'fields.k.kind' = 'sequence', 'fields.k.start' = '0', 'fields.k.end' = '12')");
    s.execute("CREATE TABLE results (" + query.sinkColumns() + ") WITH ('connector' = 'test-committing', 'name' = '"
        + sink + "')");
    return s;
  }

  /** Runs to the end and returns the committed table. */
  private List<List<String>> run(String backend, Query query, int parallelism, int rowsPerSecond,
      CompletedCheckpoint restore, boolean unused) throws Exception {
    String sink = "run-" + RUNS.incrementAndGet();
    return finish(backend, query, parallelism, sink, restore, rowsPerSecond);
  }

  private List<List<String>> finish(String backend, Query query, int parallelism, String sink,
      CompletedCheckpoint restore) throws Exception {
    return finish(backend, query, parallelism, sink, restore, 4000);
  }

  private List<List<String>> finish(String backend, Query query, int parallelism, String sink,
      CompletedCheckpoint restore, int rowsPerSecond) throws Exception {
    Session s = session(backend, parallelism, rowsPerSecond, restore, sink, query);
    Job job = ((StatementResult.JobResult) s.execute("INSERT INTO results " + query.select())).job();
    assertEquals(JobStatus.FINISHED, job.await(Duration.ofMinutes(2)), () -> String.valueOf(job.failure()));
    return Changelogs.apply(CommittingSinkFactory.committed(sink));
  }

  /** Starts the query (from {@code restore}), stops it abruptly after {@code millis}, returns its latest checkpoint. */
  private CompletedCheckpoint killAfter(String backend, Query query, int parallelism, String sink,
      CompletedCheckpoint restore, long millis) throws Exception {
    Session s = session(backend, parallelism, 2000, restore, sink, query);
    Job job = ((StatementResult.JobResult) s.execute("INSERT INTO results " + query.select())).job();
    Thread.sleep(millis);
    job.cancel();
    assertEquals(JobStatus.CANCELED, job.await(Duration.ofMinutes(1)), "killed while running");
    CompletedCheckpoint latest = job.lastCheckpoint();
    assertTrue(latest != null || restore == null || job.status() == JobStatus.FINISHED,
        "a restored job keeps at least the checkpoint it started from");
    return latest != null ? latest : restore;
  }

  private static List<List<String>> sorted(List<List<String>> rows) {
    List<List<String>> copy = new ArrayList<>(rows);
    copy.sort(Comparator.comparing(Object::toString));
    return copy;
  }
}
