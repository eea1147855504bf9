package io.weir.engine.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.common.config.Configuration;
import io.weir.common.error.WeirException;
import io.weir.engine.Engine;
import io.weir.engine.Session;
import io.weir.engine.StatementResult;
import io.weir.engine.oracle.Changelogs;
import io.weir.runtime.job.Job;
import io.weir.runtime.job.JobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stop with savepoint, upgrade, restore: a compatible change keeps the aggregation's state and the
 * result is as if the job had never stopped; an incompatible one is refused, naming the operator.
 */
class SavepointTest {
  private static final String AGGREGATE = "SELECT k, COUNT(*) AS cnt, SUM(v) AS total FROM events GROUP BY k";

  @TempDir Path dir;

  private Session session(int parallelism, String savepoint, String sink) {
    return session(parallelism, savepoint, sink, "heap");
  }

  private Session session(int parallelism, String savepoint, String sink, String backend) {
    Session s = Engine.create(new Configuration(), dir.resolve(sink + "-" + System.nanoTime())).newSession();
    s.execute("SET 'state.backend' = '" + backend + "'");
    s.execute("SET 'parallelism.default' = '" + parallelism + "'");
    s.execute("SET 'execution.checkpointing.interval' = '200 ms'");
    if (savepoint != null) {
      s.execute("SET 'execution.savepoint.path' = '" + savepoint + "'");
    }
    s.execute("CREATE TABLE events (id BIGINT, k AS CAST(id % 7 AS INT), v AS CAST(id * 3 % 50 AS INT))"
        + " WITH ('connector' = 'datagen', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1',"
        + " 'fields.id.end' = '5000', 'rows-per-second' = '2500')");
    s.execute("CREATE TABLE results (k INT, cnt BIGINT, total INT) WITH ('connector' = 'test-committing',"
        + " 'name' = '" + sink + "')");
    return s;
  }

  private static Job insert(Session s, String select) {
    return ((StatementResult.JobResult) s.execute("INSERT INTO results " + select)).job();
  }

  private String stopWithSavepoint(Session s, Job job) throws Exception {
    Thread.sleep(700);
    StatementResult.TableResult result = (StatementResult.TableResult) s.execute("STOP JOB '" + job.id() + "' WITH SAVEPOINT");
    assertEquals(JobStatus.FINISHED, job.await(Duration.ofSeconds(30)));
    String path = (String) result.rows().get(0).field(0);
    assertTrue(Files.isRegularFile(Path.of(path, "_metadata")), path);
    return path;
  }

  @Test
  void compatibleUpgradeContinuesAsIfNeverStopped() throws Exception {
    Session straight = session(1, null, "sp-straight");
    assertEquals(JobStatus.FINISHED, insert(straight, AGGREGATE).await(Duration.ofMinutes(1)));

    Session first = session(2, null, "sp-upgraded");
    String savepoint = stopWithSavepoint(first, insert(first, AGGREGATE));
    // The upgrade filters after the aggregation: the aggregation's meaning, and so its state, is unchanged.
    Session upgraded = session(3, savepoint, "sp-upgraded");
    Job job = insert(upgraded, "SELECT k, cnt, total FROM (" + AGGREGATE + ") WHERE cnt > 0");
    assertEquals(JobStatus.FINISHED, job.await(Duration.ofMinutes(1)), () -> String.valueOf(job.failure()));

    assertEquals(table("sp-straight"), table("sp-upgraded"));
  }

  @Test
  void savepointsMoveBetweenStateBackends() throws Exception {
    Session straight = session(1, null, "sp-switch-straight");
    assertEquals(JobStatus.FINISHED, insert(straight, AGGREGATE).await(Duration.ofMinutes(1)));

    Session onHeap = session(2, null, "sp-switch", "heap");
    String fromHeap = stopWithSavepoint(onHeap, insert(onHeap, AGGREGATE));
    Session onRocks = session(3, fromHeap, "sp-switch", "rocksdb");
    String fromRocks = stopWithSavepoint(onRocks, insert(onRocks, AGGREGATE));
    Session backOnHeap = session(2, fromRocks, "sp-switch", "heap");
    Job job = insert(backOnHeap, AGGREGATE);
    assertEquals(JobStatus.FINISHED, job.await(Duration.ofMinutes(1)), () -> String.valueOf(job.failure()));

    assertEquals(table("sp-switch-straight"), table("sp-switch"));
  }

  @Test
  void incompatibleUpgradeIsRefusedNamingTheOperator() throws Exception {
    Session first = session(2, null, "sp-refused");
    String savepoint = stopWithSavepoint(first, insert(first, AGGREGATE));
    Session changed = session(2, savepoint, "sp-refused");
    WeirException e = assertThrows(WeirException.class,
        () -> insert(changed, "SELECT k, COUNT(*), SUM(v) FROM events GROUP BY k, v"));
    assertTrue(e.getMessage().contains("GroupAggregate") && e.getMessage().contains("ignore-unclaimed-state"),
        e.getMessage());

    changed.execute("SET 'execution.savepoint.ignore-unclaimed-state' = 'true'");
    Job job = insert(changed, "SELECT k, COUNT(*), SUM(v) FROM events WHERE v < 0 GROUP BY k");
    assertEquals(JobStatus.FINISHED, job.await(Duration.ofMinutes(1)), () -> String.valueOf(job.failure()));
  }

  private static List<String> table(String sink) {
    List<String> rows = new ArrayList<>();
    Changelogs.apply(CommittingSinkFactory.committed(sink)).forEach(r -> rows.add(r.toString()));
    rows.sort(Comparator.naturalOrder());
    return rows;
  }
}
