package io.weir.engine.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.connectors.kafka.EmbeddedKafka;
import io.weir.engine.checkpoint.CrashTestProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka source → window aggregation → Kafka exactly-once sink in a separate JVM, killed with
 * SIGKILL at random moments and started again on its state directory each time, which resumes
 * the job from its latest checkpoint — each time after the process completed a checkpoint of its
 * own: its Kafka producers die with transactions open, and the
 * restored job must commit those of completed checkpoints and abort the rest. The source reads
 * the topic up to its end ({@code scan.bounded.mode}), so the job finishes and every window
 * closes; a read_committed consumer must then see each window exactly once.
 */
class KafkaCrashRecoveryTest {
  private static final int EVENTS = 300_000;
  private static final int KILLS = 6;

  @TempDir Path dir;

  private static String script(String bootstrap) {
    return "SET 'execution.checkpointing.interval' = '200 ms';\n"
        + "SET 'restart-strategy.fixed-delay.delay' = '100 ms';\n"
        + "SET 'parallelism.default' = '2';\n"
        + "CREATE TABLE IF NOT EXISTS events (id BIGINT, k INT, v INT, ts TIMESTAMP(3),"
        + " WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'kafka', 'topic' = 'events',"
        + " 'properties.bootstrap.servers' = '" + bootstrap + "', 'scan.startup.mode' = 'earliest-offset',"
        + " 'scan.bounded.mode' = 'latest-offset', 'format' = 'json');\n"
        + "CREATE TABLE IF NOT EXISTS totals (k INT, window_start TIMESTAMP(3), cnt BIGINT, total INT) WITH ("
        + " 'connector' = 'kafka', 'topic' = 'totals', 'properties.bootstrap.servers' = '" + bootstrap + "',"
        + " 'format' = 'json', 'sink.delivery-guarantee' = 'exactly-once',"
        + " 'sink.transactional-id-prefix' = 'crash-totals');\n"
        + WindowedEvents.QUERY + ";\n";
  }

  @Test
  void killedJobsCommitEveryWindowOnce() throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"))) {
      kafka.createTopic("events", 2);
      kafka.createTopic("totals", 1);
      for (int i = 0; i < EVENTS; i += 10_000) {
        List<ProducerRecord<byte[], byte[]>> batch = new ArrayList<>();
        for (int j = i; j < i + 10_000; j++) {
          batch.add(new ProducerRecord<>("events", j % 2, null, WindowedEvents.event(j).getBytes(StandardCharsets.UTF_8)));
        }
        kafka.produce("events", batch);
      }
      Path stateDir = dir.resolve("state");
      Path script = dir.resolve("job.sql");
      Path log = dir.resolve("process.log");
      Files.writeString(script, script(kafka.bootstrapServers()));
      Random random = new Random(11);
      int kills = 0;
      int exitCode;
      while (true) {
        Set<Path> before = checkpoints(stateDir);
        Process p = CrashTestProcess.launch(stateDir, script, log);
        if (kills < KILLS) {
          // Kill it at a random moment after it completed a checkpoint of its own (how soon that
          // is depends on the machine's load), so there are transactions to resume and to abort.
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
          while (p.isAlive() && before.containsAll(checkpoints(stateDir)) && System.nanoTime() < deadline) {
            Thread.sleep(20);
          }
          Thread.sleep(random.nextInt(600));
          if (p.isAlive()) {
            p.destroyForcibly().waitFor();
            kills++;
            continue;
          }
        }
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor();
          throw new AssertionError("the job did not finish within 180 s after the last kill");
        }
        exitCode = p.exitValue();
        break;
      }
      System.out.println("KafkaCrashRecoveryTest: the job finished after " + kills + " kills with SIGKILL,"
          + " each after a checkpoint of its own");
      String output = Files.readString(log);
      assertEquals(0, exitCode, () -> "the last process failed:\n" + output.substring(Math.max(0, output.length() - 4000)));
      assertTrue(kills >= 2, "the job finished after only " + kills + " kills: too little input to test recovery");
      // The source's end raises the watermark to the maximum: every window closes.
      assertEquals(WindowedEvents.expectedWindows(EVENTS, Long.MAX_VALUE),
          WindowedEvents.byWindow(WindowedEvents.committed(kafka, "totals")));
    }
  }

  /** The completed checkpoints under the state directory (chk-n directories with metadata). */
  private static Set<Path> checkpoints(Path stateDir) throws java.io.IOException {
    if (!Files.isDirectory(stateDir)) {
      return Set.of();
    }
    try (var files = Files.walk(stateDir)) {
      return files.filter(f -> f.getFileName().toString().equals("_metadata")
          && f.getParent().getFileName().toString().startsWith("chk-")).map(Path::getParent)
          .collect(java.util.stream.Collectors.toSet());
    } catch (java.io.UncheckedIOException e) {
      return Set.of(); // a checkpoint directory was deleted while listed: look again next time
    }
  }
}
