package io.weir.bench;

import io.weir.common.config.Configuration;
import io.weir.engine.Engine;
import io.weir.engine.Session;
import io.weir.engine.StatementResult;
import io.weir.runtime.job.Job;
import io.weir.runtime.job.JobStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Throughput of Kafka-backed tables through the engine (Session SQL): JSON records read from a
 * topic, a query, JSON written to another topic, at least once, against a broker in another process
 * ({@code benchmarks/run-kafka.sh} starts {@code ./weir kafka}), so the figures of this JVM are the
 * engine's and its Kafka clients' alone.
 *
 * <p>{@code KafkaBenchmark preload <bootstrap> <topic> <records> <partitions>} writes {@code
 * records} JSON records {@code {"id":i,"k":i%100,"v":(i*7919)%1000,"t":T0+i}} to a new topic, record
 * i to partition i % partitions (event time: 1 ms per record), then one sentinel per partition an
 * hour of event time later, whose only job is to move every partition's watermark past the last
 * window (the filter drops it, and its own window never closes).
 *
 * <p>{@code KafkaBenchmark run <bootstrap> <topic> <records> <query> <parallelism> [broker-pid]}
 * reads the topic from the earliest offset with {@code query} ({@code filter}: {@code v >= 500},
 * half the records pass; {@code tumble}: count and sum per {@code k} and 10-second tumbling window,
 * 100 rows per window and key) and writes the result to a new topic. A Kafka table never ends, so
 * it counts the output topic's records (the sum of its partitions' end offsets, every 50 ms) until
 * it holds the known number of results: then every input record has been read and processed. It
 * prints records/s (input records over the time from the INSERT to that moment, job start
 * included), CPU cores used by this JVM, peak heap and peak RSS, and with {@code broker-pid} the
 * cores the broker process used meanwhile.
 */
public final class KafkaBenchmark {
  private static final long T0 = 1_767_225_600_000L; // 2026-01-01T00:00:00Z, a multiple of 10 s
  private static final int KEYS = 100;
  private static final long WINDOW_MILLIS = 10_000;
  private static final long TIMEOUT_SECONDS = 170;

  private KafkaBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length >= 5 && args[0].equals("preload")) {
      preload(args[1], args[2], Long.parseLong(args[3]), Integer.parseInt(args[4]));
    } else if (args.length >= 6 && args[0].equals("run")) {
      run(args[1], args[2], Long.parseLong(args[3]), args[4], Integer.parseInt(args[5]),
          args.length > 6 ? Long.parseLong(args[6]) : -1);
    } else {
      System.err.println("usage: KafkaBenchmark preload <bootstrap> <topic> <records> <partitions>\n"
          + "       KafkaBenchmark run <bootstrap> <topic> <records> filter|tumble <parallelism> [broker-pid]");
      System.exit(2);
    }
  }

  private static int k(long i) {
    return (int) (i % KEYS);
  }

  private static int v(long i) {
    return (int) (i * 7919 % 1000);
  }

  private static void preload(String bootstrap, String topic, long records, int partitions) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(60, TimeUnit.SECONDS);
    }
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
    long start = System.nanoTime();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
      for (long i = 0; i < records; i++) {
        producer.send(new ProducerRecord<>(topic, (int) (i % partitions), null,
            json(i, k(i), v(i), T0 + i)));
      }
      for (int partition = 0; partition < partitions; partition++) {
        producer.send(new ProducerRecord<>(topic, partition, null, json(-1, -1, 0, T0 + records + 3_600_000)));
      }
      producer.flush();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "preloaded %d records (+%d sentinels) into '%s' (%d partitions) in %.1f s%n",
        records, partitions, topic, partitions, seconds);
  }

  private static byte[] json(long id, int k, int v, long t) {
    return ("{\"id\":" + id + ",\"k\":" + k + ",\"v\":" + v + ",\"t\":" + t + "}").getBytes(StandardCharsets.UTF_8);
  }

  /** name → (sink columns, query). */
  private static final Map<String, String[]> QUERIES = Map.of(
      "filter", new String[] {"id BIGINT, k INT, v INT", "SELECT id, k, v FROM src WHERE v >= 500"},
      "tumble", new String[] {"k INT, ws TIMESTAMP(3), n BIGINT, total INT",
          "SELECT k, window_start, COUNT(*), SUM(v) FROM TABLE(TUMBLE(TABLE src, DESCRIPTOR(ts), "
              + "INTERVAL '10' SECOND)) GROUP BY k, window_start, window_end"});

  /** The number of results the query gives for the preloaded records (the sentinels give none). */
  private static long expectedResults(String query, long records) {
    if (query.equals("filter")) {
      long n = 0;
      for (long i = 0; i < records; i++) {
        if (v(i) >= 500) {
          n++;
        }
      }
      return n;
    }
    Set<Long> windowsAndKeys = new HashSet<>();
    for (long i = 0; i < records; i++) {
      windowsAndKeys.add(i / WINDOW_MILLIS * KEYS + k(i));
    }
    return windowsAndKeys.size();
  }

  private static void run(String bootstrap, String topic, long records, String query, int parallelism, long brokerPid)
      throws Exception {
    String[] q = QUERIES.get(query);
    if (q == null) {
      throw new IllegalArgumentException("Unknown query '" + query + "'; known: " + QUERIES.keySet());
    }
    long expected = expectedResults(query, records);
    String outTopic = "bench-out-" + query + "-p" + parallelism + "-" + System.currentTimeMillis();
    Path stateDir = Files.createTempDirectory("weir-kafka-bench");
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
        Engine engine = Engine.create(new Configuration(), stateDir)) {
      admin.createTopics(List.of(new NewTopic(outTopic, parallelism, (short) 1))).all().get(60, TimeUnit.SECONDS);
      Session s = engine.newSession();
      s.execute("SET 'parallelism.default' = '" + parallelism + "'");
      s.execute("SET 'execution.checkpointing.interval' = '5 s'");
      s.execute("CREATE TABLE src (id BIGINT, k INT, v INT, t BIGINT, ts AS TO_TIMESTAMP_LTZ(t, 3), "
          + "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'kafka', 'topic' = '" + topic + "', "
          + "'properties.bootstrap.servers' = '" + bootstrap + "', 'scan.startup.mode' = 'earliest-offset', "
          + "'format' = 'json')");
      s.execute("CREATE TABLE sink (" + q[0] + ") WITH ('connector' = 'kafka', 'topic' = '" + outTopic + "', "
          + "'properties.bootstrap.servers' = '" + bootstrap + "', 'format' = 'json', "
          + "'sink.delivery-guarantee' = 'at-least-once')");
      long brokerTicks = cpuTicks(brokerPid);
      BenchmarkReport report = new BenchmarkReport();
      long start = System.nanoTime();
      Job job = ((StatementResult.JobResult) s.execute("INSERT INTO sink " + q[1])).job();
      Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
      for (int partition = 0; partition < parallelism; partition++) {
        ends.put(new TopicPartition(outTopic, partition), OffsetSpec.latest());
      }
      long written = 0;
      long deadline = start + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
      while (written < expected && System.nanoTime() < deadline && job.status() == JobStatus.RUNNING) {
        Thread.sleep(50);
        written = admin.listOffsets(ends).all().get(30, TimeUnit.SECONDS).values().stream()
            .mapToLong(info -> info.offset()).sum();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      String name = query + " p" + parallelism;
      if (written < expected) {
        job.cancel();
        throw new IllegalStateException(name + ": " + written + " of " + expected + " results after " + seconds
            + " s, job " + job.status() + (job.failure() != null ? ": " + job.failure() : "")
            + ", late rows dropped " + job.metrics().lateRowsDropped());
      }
      report.print(name, records, "records");
      String broker = brokerPid > 0
          ? String.format(Locale.ROOT, " broker-cores=%.2f", (cpuTicks(brokerPid) - brokerTicks) / 100.0 / seconds)
          : "";
      System.out.printf(Locale.ROOT, "%-28s results=%d (expected %d)%s late-rows-dropped=%d%n", name, written,
          expected, broker, job.metrics().lateRowsDropped());
      job.cancel();
      job.await(java.time.Duration.ofSeconds(30));
    }
  }

  /** utime + stime of a process from /proc, in clock ticks (100 a second on Linux), or 0. */
  private static long cpuTicks(long pid) {
    if (pid <= 0) {
      return 0;
    }
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // fields 14 and 15 of stat(5)
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
