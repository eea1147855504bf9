package io.weir.engine.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpointing.CompletedCheckpoint;
import io.weir.common.config.Configuration;
import io.weir.common.data.Row;
import io.weir.engine.Engine;
import io.weir.engine.Session;
import io.weir.engine.StatementResult;
import io.weir.runtime.job.Job;
import io.weir.runtime.job.JobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Filesystem sources resume where a checkpoint left them: in the middle of a file (by lines read),
 * and in a watched directory (files read, the file being read, and files that appear later).
 * Stopped abruptly twice and restored, the committed rows are every input row exactly once.
 */
class FileSourceRecoveryTest {
  private static final AtomicInteger RUNS = new AtomicInteger();

  @TempDir Path dir;

  private static void writeFile(Path file, long from, long to) throws Exception {
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    Files.writeString(tmp, LongStream.range(from, to).mapToObj(i -> "{\"id\": " + i + "}")
        .collect(Collectors.joining("\n", "", "\n")));
    Files.move(tmp, file);
  }

  private Job start(Path input, boolean watch, CompletedCheckpoint restore, String sink) {
    Session s = Engine.create(new Configuration(), dir.resolve("engine-" + RUNS.incrementAndGet())).newSession();
    s.execute("SET 'execution.checkpointing.interval' = '100 ms'");
    s.execute("SET 'parallelism.default' = '2'");
    if (restore != null) {
      s.execute("SET 'execution.savepoint.path' = '" + restore.directory() + "'");
    }
    s.execute("CREATE TABLE input (id BIGINT) WITH ('connector' = 'filesystem', 'path' = '" + input
        + "', 'format' = 'json'" + (watch ? ", 'source.monitor-interval' = '100 ms'" : "") + ")");
    s.execute("CREATE TABLE results (id BIGINT) WITH ('connector' = 'test-committing', 'name' = '" + sink
        + "', 'rows-per-second' = '20000')");
    return ((StatementResult.JobResult) s.execute("INSERT INTO results SELECT id FROM input")).job();
  }

  private static CompletedCheckpoint kill(Job job, long millis) throws Exception {
    Thread.sleep(millis);
    job.cancel();
    assertEquals(JobStatus.CANCELED, job.await(Duration.ofSeconds(30)), "killed while running");
    assertNotNull(job.lastCheckpoint(), "a checkpoint completed before the kill");
    return job.lastCheckpoint();
  }

  private static List<Long> ids(String sink) {
    List<Long> ids = new ArrayList<>();
    for (Row r : CommittingSinkFactory.committed(sink)) {
      ids.add((Long) r.field(0));
    }
    ids.sort(null);
    return ids;
  }

  @Test
  void boundedFilesResumeInTheMiddle() throws Exception {
    Path input = Files.createDirectories(dir.resolve("bounded"));
    writeFile(input.resolve("a.json"), 0, 30_000);
    writeFile(input.resolve("b.json"), 30_000, 50_000);
    CompletedCheckpoint first = kill(start(input, false, null, "files"), 700);
    CompletedCheckpoint second = kill(start(input, false, first, "files"), 700);
    Job last = start(input, false, second, "files");
    assertEquals(JobStatus.FINISHED, last.await(Duration.ofMinutes(1)), () -> String.valueOf(last.failure()));
    assertEquals(LongStream.range(0, 50_000).boxed().toList(), ids("files"));
  }

  @Test
  void watchedDirectoryResumesAndReadsNewFilesOnce() throws Exception {
    Path input = Files.createDirectories(dir.resolve("watched"));
    writeFile(input.resolve("a.json"), 0, 20_000);
    CompletedCheckpoint first = kill(start(input, true, null, "watched"), 600);
    writeFile(input.resolve("b.json"), 20_000, 30_000);
    CompletedCheckpoint second = kill(start(input, true, first, "watched"), 600);
    writeFile(input.resolve("c.json"), 30_000, 35_000);
    Job last = start(input, true, second, "watched");
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (ids("watched").size() < 35_000 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    Thread.sleep(300); // a duplicate would arrive with the next checkpoint
    last.cancel();
    assertEquals(LongStream.range(0, 35_000).boxed().toList(), ids("watched"));
    assertTrue(last.await(Duration.ofSeconds(30)) != null);
  }
}
