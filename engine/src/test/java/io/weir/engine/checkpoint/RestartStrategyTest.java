package io.weir.engine.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.common.config.Configuration;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failing task restarts the job from its latest checkpoint, up to the configured number of
 * attempts, and the output is as if it had never failed; a task that keeps failing fails the job
 * with the cause and the number of restarts.
 */
class RestartStrategyTest {
  private static final String QUERY = "SELECT k, COUNT(*), SUM(v) FROM events GROUP BY k";

  @TempDir Path dir;

  private Session session(String sink, String sinkOptions, String mode) {
    Session s = Engine.create(new Configuration(), dir.resolve(sink)).newSession();
    s.execute("SET 'parallelism.default' = '2'");
    s.execute("SET 'execution.checkpointing.interval' = '100 ms'");
    s.execute("SET 'execution.checkpointing.mode' = '" + mode + "'");
    s.execute("SET 'restart-strategy.fixed-delay.delay' = '50 ms'");
    s.execute("SET 'restart-strategy.fixed-delay.attempts' = '2'");
    s.execute("CREATE TABLE events (id BIGINT, k AS CAST(id % 11 AS INT), v AS CAST(id * 3 % 40 AS INT))"
        + " WITH ('connector' = 'datagen', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1',"
        + " 'fields.id.end' = '4000', 'rows-per-second' = '4000')");
    s.execute("CREATE TABLE results (k INT, cnt BIGINT, total INT) WITH ('connector' = 'test-committing',"
        + " 'name' = '" + sink + "'" + sinkOptions + ")");
    return s;
  }

  private static Job insert(Session s) {
    return ((StatementResult.JobResult) s.execute("INSERT INTO results " + QUERY)).job();
  }

  @Test
  void transientFailureRestartsFromTheLatestCheckpoint() throws Exception {
    Job straight = insert(session("restart-straight", "", "EXACTLY_ONCE"));
    assertEquals(JobStatus.FINISHED, straight.await(Duration.ofMinutes(1)));

    for (String mode : List.of("EXACTLY_ONCE", "AT_LEAST_ONCE")) {
      String sink = "restart-once-" + mode;
      // Each of the two sink tasks fails once, at its 1500th row: two restarts.
      Job job = insert(session(sink, ", 'fail-after' = '1500', 'fail-times' = '2'", mode));
      assertEquals(JobStatus.FINISHED, job.await(Duration.ofMinutes(1)), () -> String.valueOf(job.failure()));
      assertTrue(job.restarts() >= 1, "restarted " + job.restarts() + " times");
      if (mode.equals("EXACTLY_ONCE")) {
        // At-least-once may count rows twice after a restart; exactly-once never does.
        assertEquals(table("restart-straight"), table(sink));
      }
    }
  }

  @Test
  void persistentFailureFailsTheJobAfterTheAttempts() throws Exception {
    Job job = insert(session("restart-always", ", 'fail-after' = '10', 'fail-times' = '100'", "EXACTLY_ONCE"));
    assertEquals(JobStatus.FAILED, job.await(Duration.ofMinutes(1)));
    assertEquals(2, job.restarts());
    String message = job.failure().getMessage();
    assertTrue(message.contains("injected failure") && message.contains("after 2 restarts"), message);
  }

  private static List<String> table(String sink) {
    List<String> rows = new ArrayList<>();
    Changelogs.apply(CommittingSinkFactory.committed(sink)).forEach(r -> rows.add(r.toString()));
    rows.sort(Comparator.naturalOrder());
    return rows;
  }
}
