package io.weir.engine.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.weir.checkpointing.CompletedCheckpoint;
import io.weir.common.config.Configuration;
import io.weir.connectors.kafka.EmbeddedKafka;
import io.weir.engine.Engine;
import io.weir.engine.Session;
import io.weir.engine.StatementResult;
import io.weir.runtime.job.Job;
import io.weir.runtime.job.JobStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DDL → Kafka source → window aggregation → Kafka exactly-once sink, with the job stopped
 * abruptly at random moments while input keeps arriving, and restored from its latest checkpoint
 * at another parallelism: a read_committed consumer sees exactly the windows a straight computation
 * gives — none lost, none twice.
 */
class KafkaExactlyOnceTest {
  private static final int EVENTS = 3000;

  @TempDir Path dir;


  private Job start(EmbeddedKafka kafka, int parallelism, CompletedCheckpoint restore, int run) {
    Session s = Engine.create(new Configuration(), dir.resolve("engine-" + run)).newSession();
    s.execute("SET 'parallelism.default' = '" + parallelism + "'");
    s.execute("SET 'execution.checkpointing.interval' = '100 ms'");
    if (restore != null) {
      s.execute("SET 'execution.savepoint.path' = '" + restore.directory() + "'");
    }
    s.execute("CREATE TABLE events (id BIGINT, k INT, v INT, ts TIMESTAMP(3),"
        + " WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'kafka', 'topic' = 'events',"
        + " 'properties.bootstrap.servers' = '" + kafka.bootstrapServers() + "',"
        + " 'scan.startup.mode' = 'earliest-offset', 'format' = 'json',"
        // Watermarks are not part of a checkpoint: a partition read to its end before the last
        // restore has no new record to raise its watermark again, and would hold the windows back.
        + " 'scan.watermark.idle-timeout' = '1 s')");
    s.execute("CREATE TABLE totals (k INT, window_start TIMESTAMP(3), cnt BIGINT, total INT) WITH ("
        + " 'connector' = 'kafka', 'topic' = 'totals', 'properties.bootstrap.servers' = '" + kafka.bootstrapServers()
        + "', 'format' = 'json', 'sink.delivery-guarantee' = 'exactly-once',"
        + " 'sink.transactional-id-prefix' = 'weir-totals')");
    return ((StatementResult.JobResult) s.execute(WindowedEvents.QUERY)).job();
  }

  @Test
  void killedAndRestoredJobsCommitEveryWindowOnce() throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"))) {
      kafka.createTopic("events", 2);
      kafka.createTopic("totals", 1);
      // Input keeps arriving while jobs are stopped and restored: 3000 events over about 3 s.
      Thread producer = new Thread(() -> {
        for (int i = 0; i < EVENTS; i += 100) {
          List<ProducerRecord<byte[], byte[]>> batch = new ArrayList<>();
          for (int j = i; j < i + 100; j++) {
            batch.add(new ProducerRecord<>("events", j % 2, null, WindowedEvents.event(j).getBytes(StandardCharsets.UTF_8)));
          }
          kafka.produce("events", batch);
          try {
            Thread.sleep(100);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      producer.start();
      Random random = new Random(7);
      CompletedCheckpoint checkpoint = null;
      int run = 0;
      for (int parallelism : new int[] {2, 3, 1}) {
        Job job = start(kafka, parallelism, checkpoint, run++);
        // Stop it at a random moment after its first checkpoint (how soon that is depends on the load).
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (job.checkpointHistory().isEmpty() && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        Thread.sleep(200 + random.nextInt(700));
        job.cancel();
        assertEquals(JobStatus.CANCELED, job.await(Duration.ofSeconds(30)));
        checkpoint = job.lastCheckpoint() != null ? job.lastCheckpoint() : checkpoint;
        assertNotNull(checkpoint, "a checkpoint completed before the stop");
      }
      producer.join();
      Job last = start(kafka, 2, checkpoint, run);
      // Watermarks are not part of a checkpoint: if the run before consumed every event, nothing
      // would raise the watermark again. One late-time event per partition closes every window.
      kafka.produce("events", List.of(
          new ProducerRecord<>("events", 0, null, WindowedEvents.event(10_000).getBytes(StandardCharsets.UTF_8)),
          new ProducerRecord<>("events", 1, null, WindowedEvents.event(10_001).getBytes(StandardCharsets.UTF_8))));
      Map<String, String> expected = expectedWindows();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (WindowedEvents.committed(kafka, "totals").size() < expected.size() && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      Thread.sleep(500); // a duplicate would be committed with the next checkpoint
      last.cancel();
      Map<String, String> seen = WindowedEvents.byWindow(WindowedEvents.committed(kafka, "totals"));
      assertEquals(expected, seen);
    }
  }


  /** Every window of the events, computed directly: the late-time events close them all. */
  private static Map<String, String> expectedWindows() {
    return WindowedEvents.expectedWindows(EVENTS, 10_000 * 10L - 1000);
  }
}
