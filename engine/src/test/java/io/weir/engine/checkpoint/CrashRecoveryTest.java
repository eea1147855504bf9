package io.weir.engine.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.common.config.Configuration;
import io.weir.engine.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A separate JVM runs a window aggregation into a filesystem table with checkpoints; it is killed
 * with SIGKILL at random moments, at least 20 times, and started again on the same state
 * directory each time, which resumes the job from its latest checkpoint. The committed (visible)
 * output must equal a straight run's: no row lost, none duplicated.
 */
class CrashRecoveryTest {
  private static final int KILLS = 20;

  @TempDir Path dir;

  private static String script(Path output, int rowsPerSecond, boolean checkpoints) {
    String rate = rowsPerSecond > 0 ? ", 'rows-per-second' = '" + rowsPerSecond + "'" : "";
    return (checkpoints ? "SET 'execution.checkpointing.interval' = '200 ms';\n"
            + "SET 'restart-strategy.fixed-delay.delay' = '100 ms';\n" : "")
        + "SET 'parallelism.default' = '2';\n"
        + "CREATE TABLE IF NOT EXISTS events (id BIGINT, k AS CAST(id % 5 AS INT), v AS CAST(id * 7 % 100 AS INT),\n"
        + "  ts AS TO_TIMESTAMP_LTZ(id * 10, 3), WATERMARK FOR ts AS ts)\n"
        + "WITH ('connector' = 'datagen', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1',\n"
        + "  'fields.id.end' = '20000'" + rate + ");\n"
        + "CREATE TABLE IF NOT EXISTS sums (k INT, window_start TIMESTAMP_LTZ(3), cnt BIGINT, total INT)\n"
        + "WITH ('connector' = 'filesystem', 'path' = '" + output + "', 'format' = 'json');\n"
        + "INSERT INTO sums SELECT k, window_start, COUNT(*), SUM(v)\n"
        + "FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(ts), INTERVAL '1' SECOND)) GROUP BY k, window_start, window_end;\n";
  }

  @Test
  void killedTwentyTimesCommitsExactlyTheStraightOutput() throws Exception {
    Path expectedDir = dir.resolve("expected");
    try (Engine engine = Engine.create(new Configuration())) {
      var session = engine.newSession();
      session.execute("SET 'table.dml-sync' = 'true'");
      session.executeScript(script(expectedDir, 0, false), r -> {});
    }
    List<String> expected = committedLines(expectedDir);
    assertFalse(expected.isEmpty());

    Path stateDir = dir.resolve("state");
    Path output = dir.resolve("output");
    Path scriptFile = dir.resolve("job.sql");
    Files.writeString(scriptFile, script(output, 4000, true));
    Random random = new Random(42);
    int kills = 0;
    int exitCode = -1;
    while (true) {
      Process p = start(stateDir, scriptFile);
      boolean ended = p.waitFor(kills < KILLS ? 400 + random.nextInt(1200) : 120_000, TimeUnit.MILLISECONDS);
      if (ended) {
        exitCode = p.exitValue();
        break;
      }
      p.destroyForcibly().waitFor();
      kills++;
      assertTrue(kills <= KILLS, "the job did not finish after " + KILLS + " kills");
    }
    System.out.println("CrashRecoveryTest: the job survived " + kills + " kills with SIGKILL");
    String log = java.nio.file.Files.readString(dir.resolve("process.log"));
    assertEquals(0, exitCode, () -> "the last process failed:\n" + log.substring(Math.max(0, log.length() - 4000)));
    assertTrue(kills >= KILLS, "killed only " + kills + " times before the job finished");
    assertEquals(expected, committedLines(output), "committed output differs from the straight run");
  }

  private Process start(Path stateDir, Path script) throws Exception {
    return CrashTestProcess.launch(stateDir, script, dir.resolve("process.log"));
  }

  /** Every line of the visible files (hidden staged files are not output), sorted. */
  private static List<String> committedLines(Path directory) throws Exception {
    List<String> lines = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return lines;
    }
    try (Stream<Path> files = Files.list(directory)) {
      for (Path f : files.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
        lines.addAll(Files.readAllLines(f));
      }
    }
    lines.sort(null);
    return lines;
  }
}
