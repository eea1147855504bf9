package io.weir.engine.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kafka-backed tables defined in DDL, read and written through a real in-process broker. */
class KafkaTableTest {
  @TempDir static Path dir;
  private static EmbeddedKafka kafka;

  @BeforeAll
  static void startBroker() throws Exception {
    kafka = EmbeddedKafka.start(dir.resolve("kafka"));
  }

  @AfterAll
  static void stopBroker() throws Exception {
    kafka.close();
  }

  private static void produce(String topic, int partitions, int from, int to) {
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (int i = from; i < to; i++) {
      String json = "{\"id\": " + i + ", \"k\": " + (i % 5) + ", \"v\": " + (i * 7 % 100) + "}";
      records.add(new ProducerRecord<>(topic, i % partitions, null, json.getBytes(StandardCharsets.UTF_8)));
    }
    kafka.produce(topic, records);
  }

  private static List<String> values(String topic) {
    List<String> out = new ArrayList<>();
    kafka.consumeAll(Set.of(topic), true, Duration.ofMillis(700))
        .forEach(r -> out.add(new String(r.value(), StandardCharsets.UTF_8)));
    out.sort(null);
    return out;
  }

  /** The topic's records as "key value", sorted. */
  private static List<String> keysAndValues(String topic) {
    List<String> out = new ArrayList<>();
    kafka.consumeAll(Set.of(topic), true, Duration.ofMillis(300)).forEach(r -> out.add(
        new String(r.key(), StandardCharsets.UTF_8) + " " + new String(r.value(), StandardCharsets.UTF_8)));
    out.sort(null);
    return out;
  }

  private static Session session() {
    Session s = Engine.create(new Configuration()).newSession();
    s.execute("SET 'parallelism.default' = '2'");
    return s;
  }

  private static String kafkaTable(String name, String columns, String topic, String extra) {
    return "CREATE TABLE " + name + " (" + columns + ") WITH ('connector' = 'kafka', 'topic' = '" + topic
        + "', 'properties.bootstrap.servers' = '" + kafka.bootstrapServers() + "', 'format' = 'json'" + extra + ")";
  }

  private static void awaitCount(String topic, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (values(topic).size() < count && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }

  @Test
  void kafkaToFilterToKafka() throws Exception {
    kafka.createTopic("orders", 3);
    kafka.createTopic("big_orders", 1);
    produce("orders", 3, 0, 600);
    Session s = session();
    s.execute(kafkaTable("orders", "id BIGINT, k INT, v INT", "orders", ", 'scan.startup.mode' = 'earliest-offset'"));
    s.execute(kafkaTable("big_orders", "id BIGINT, v INT", "big_orders", ""));
    Job job = ((StatementResult.JobResult) s.execute("INSERT INTO big_orders SELECT id, v FROM orders WHERE v >= 50")).job();
    produce("orders", 3, 600, 1000); // while the job runs
    long expected = java.util.stream.IntStream.range(0, 1000).filter(i -> i * 7 % 100 >= 50).count();
    awaitCount("big_orders", (int) expected);
    job.cancel();
    List<String> out = values("big_orders");
    assertEquals(expected, out.size());
    assertTrue(out.contains("{\"id\":1,\"v\":50}") || out.stream().anyMatch(v -> v.contains("\"v\":50")), out.toString());
  }

  @Test
  void startupModes() throws Exception {
    kafka.createTopic("modes", 2);
    produce("modes", 2, 0, 10);
    Session s = session();
    s.execute(kafkaTable("newest", "id BIGINT", "modes", ", 'scan.startup.mode' = 'latest-offset'"));
    s.execute(kafkaTable("at_offsets", "id BIGINT", "modes", ", 'scan.startup.mode' = 'specific-offsets',"
        + " 'scan.startup.specific-offsets' = 'partition:0,offset:3;partition:1,offset:4'"));
    kafka.createTopic("from_latest", 1);
    kafka.createTopic("from_specific", 1);
    s.execute(kafkaTable("from_latest", "id BIGINT", "from_latest", ""));
    s.execute(kafkaTable("from_specific", "id BIGINT", "from_specific", ""));
    Job latest = ((StatementResult.JobResult) s.execute("INSERT INTO from_latest SELECT id FROM newest")).job();
    Job specific = ((StatementResult.JobResult) s.execute("INSERT INTO from_specific SELECT id FROM at_offsets")).job();
    Thread.sleep(1500); // both readers have found their start
    produce("modes", 2, 10, 14);
    // partition 0 holds even ids 0..8 (offsets 0..4), partition 1 odd ids 1..9: from offset 3 and 4 on
    awaitCount("from_specific", 2 + 1 + 4);
    awaitCount("from_latest", 4);
    latest.cancel();
    specific.cancel();
    assertEquals(List.of("{\"id\":10}", "{\"id\":11}", "{\"id\":12}", "{\"id\":13}"), values("from_latest"));
    assertEquals(List.of("{\"id\":10}", "{\"id\":11}", "{\"id\":12}", "{\"id\":13}", "{\"id\":6}", "{\"id\":8}",
        "{\"id\":9}"), values("from_specific"));
  }

  @Test
  void malformedRecordsFailTheJobOrAreSkipped() throws Exception {
    kafka.createTopic("dirty", 1);
    kafka.produce("dirty", List.of(
        new ProducerRecord<>("dirty", 0, null, "{\"id\": 1}".getBytes(StandardCharsets.UTF_8)),
        new ProducerRecord<>("dirty", 0, null, "{\"id\": \"one\"}".getBytes(StandardCharsets.UTF_8)),
        new ProducerRecord<>("dirty", 0, null, "{\"id\": 3}".getBytes(StandardCharsets.UTF_8))));
    kafka.createTopic("clean", 1);
    Session s = session();
    s.execute(kafkaTable("dirty", "id BIGINT", "dirty", ", 'scan.startup.mode' = 'earliest-offset'"));
    s.execute(kafkaTable("lenient", "id BIGINT", "dirty", ", 'scan.startup.mode' = 'earliest-offset',"
        + " 'json.ignore-parse-errors' = 'true'"));
    s.execute(kafkaTable("clean", "id BIGINT", "clean", ""));
    kafka.createTopic("clean_strict", 1);
    s.execute(kafkaTable("clean_strict", "id BIGINT", "clean_strict", ""));
    Job strict = ((StatementResult.JobResult) s.execute("INSERT INTO clean_strict SELECT id FROM dirty")).job();
    assertEquals(JobStatus.FAILED, strict.await(Duration.ofSeconds(60)));
    String message = strict.failure().getMessage();
    assertTrue(message.contains("topic 'dirty', partition 0, offset 1") && message.contains("id"), message);

    Job lenient = ((StatementResult.JobResult) s.execute("INSERT INTO clean SELECT id FROM lenient")).job();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (lenient.metrics().skippedRecords() < 1 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    awaitCount("clean", 2);
    lenient.cancel();
    assertEquals(1, lenient.metrics().skippedRecords());
    assertEquals(List.of("{\"id\":1}", "{\"id\":3}"), values("clean"));
  }

  @Test
  void metadataColumns() throws Exception {
    kafka.createTopic("meta_in", 2);
    kafka.createTopic("meta_out", 1);
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      records.add(new ProducerRecord<>("meta_in", i % 2, 1_700_000_000_000L + i * 1000L, null,
          ("{\"id\": " + i + "}").getBytes(StandardCharsets.UTF_8)));
    }
    kafka.produce("meta_in", records);
    Session s = session();
    s.execute(kafkaTable("meta_in", "id BIGINT, ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp',"
        + " part INT METADATA FROM 'partition' VIRTUAL, off BIGINT METADATA FROM 'offset' VIRTUAL,"
        + " src STRING METADATA FROM 'topic' VIRTUAL,"
        + " WATERMARK FOR ts AS ts - INTERVAL '1' SECOND", "meta_in", ", 'scan.startup.mode' = 'earliest-offset'"));
    s.execute(kafkaTable("meta_out", "id BIGINT, part INT, off BIGINT, src STRING, sec BIGINT", "meta_out", ""));
    Job job = ((StatementResult.JobResult) s.execute(
        "INSERT INTO meta_out SELECT id, part, off, src, EXTRACT(SECOND FROM CAST(ts AS TIMESTAMP(3))) FROM meta_in")).job();
    awaitCount("meta_out", 4);
    assertEquals(JobStatus.RUNNING, job.status(), () -> String.valueOf(job.failure()));
    job.cancel();
    assertEquals(List.of(
        "{\"id\":0,\"part\":0,\"off\":0,\"src\":\"meta_in\",\"sec\":20}",
        "{\"id\":1,\"part\":1,\"off\":0,\"src\":\"meta_in\",\"sec\":21}",
        "{\"id\":2,\"part\":0,\"off\":1,\"src\":\"meta_in\",\"sec\":22}",
        "{\"id\":3,\"part\":1,\"off\":1,\"src\":\"meta_in\",\"sec\":23}"), values("meta_out"));
    s.execute(kafkaTable("bad_meta", "id BIGINT, k STRING METADATA FROM 'key'", "meta_in", ""));
    var e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
        () -> s.execute("EXPLAIN SELECT * FROM bad_meta"));
    assertTrue(e.getMessage().contains("'key'") && e.getMessage().contains("partition"), e.getMessage());
  }

  @Test
  void debeziumJsonIsAChangelogSource() throws Exception {
    kafka.createTopic("products_cdc", 1);
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (String event : List.of(
        "{\"before\": null, \"after\": {\"id\": 1, \"name\": \"pen\", \"price\": 3}, \"op\": \"c\"}",
        "{\"before\": null, \"after\": {\"id\": 2, \"name\": \"ink\", \"price\": 7}, \"op\": \"c\"}",
        "{\"before\": {\"id\": 1, \"name\": \"pen\", \"price\": 3}, \"after\": {\"id\": 1, \"name\": \"pen\", \"price\": 4}, \"op\": \"u\"}",
        "{\"before\": {\"id\": 2, \"name\": \"ink\", \"price\": 7}, \"after\": null, \"op\": \"d\"}",
        "{\"before\": null, \"after\": {\"id\": 3, \"name\": \"pad\", \"price\": 10}, \"op\": \"r\"}")) {
      records.add(new ProducerRecord<>("products_cdc", 0, null, event.getBytes(StandardCharsets.UTF_8)));
    }
    kafka.produce("products_cdc", records);
    Session s = session();
    s.execute("SET 'execution.checkpointing.interval' = '100 ms'"); // the test sink commits at checkpoints
    s.execute("CREATE TABLE products (id BIGINT, name STRING, price INT) WITH ('connector' = 'kafka',"
        + " 'topic' = 'products_cdc', 'properties.bootstrap.servers' = '" + kafka.bootstrapServers() + "',"
        + " 'scan.startup.mode' = 'earliest-offset', 'format' = 'debezium-json')");
    s.execute("CREATE TABLE summary (n BIGINT, total INT) WITH ('connector' = 'test-committing', 'name' = 'cdc-summary')");
    Job job = ((StatementResult.JobResult) s.execute("INSERT INTO summary SELECT COUNT(*), SUM(price) FROM products")).job();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    List<List<String>> table = List.of();
    while (System.nanoTime() < deadline) {
      table = io.weir.engine.oracle.Changelogs.apply(io.weir.engine.checkpoint.CommittingSinkFactory.committed("cdc-summary"));
      if (table.equals(List.of(List.of("2", "14")))) {
        break;
      }
      Thread.sleep(100);
    }
    job.cancel();
    // pen (now 4) and pad (10) remain: the update retracted 3, the delete took ink's 7 away
    assertEquals(List.of(List.of("2", "14")), table);
  }

  @Test
  void exactlyOnceWithoutCheckpointsIsRefusedByTheInsert() throws Exception {
    kafka.createTopic("eo_out", 1);
    Session s = session();
    s.execute(kafkaTable("eo_out", "id BIGINT", "eo_out", ", 'sink.delivery-guarantee' = 'exactly-once',"
        + " 'sink.transactional-id-prefix' = 'eo'"));
    var e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
        () -> s.execute("INSERT INTO eo_out VALUES (1)"));
    assertTrue(e.getMessage().contains("execution.checkpointing.interval"), e.getMessage());
  }

  @Test
  void upsertKafkaWritesAnUpdatingResultByKeyWithTombstones() throws Exception {
    kafka.createTopic("up_in", 2);
    kafka.createTopic("up_out", 1);
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      int k = i < 60 ? i % 5 : 5; // keys 0..4 get 12 rows each, key 5 gets 20
      records.add(new ProducerRecord<>("up_in", i % 2, null,
          ("{\"id\": " + i + ", \"k\": " + k + ", \"v\": 1}").getBytes(StandardCharsets.UTF_8)));
    }
    kafka.produce("up_in", records);
    Session s = session();
    s.execute("SET 'execution.checkpointing.interval' = '100 ms'");
    s.execute(kafkaTable("up_in", "id BIGINT, k INT, v INT", "up_in", ", 'scan.startup.mode' = 'earliest-offset'"));
    s.execute("CREATE TABLE totals (k INT, n BIGINT, total INT, PRIMARY KEY (k) NOT ENFORCED) WITH ("
        + "'connector' = 'upsert-kafka', 'topic' = 'up_out', 'properties.bootstrap.servers' = '"
        + kafka.bootstrapServers() + "', 'key.format' = 'json', 'value.format' = 'json')");
    // A group leaves the result once it has 15 rows or more: its key gets a tombstone.
    Job job = ((StatementResult.JobResult) s.execute(
        "INSERT INTO totals SELECT k, COUNT(*), SUM(v) FROM up_in GROUP BY k HAVING COUNT(*) < 15")).job();
    Map<String, String> table = Map.of();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    Map<String, String> expected = new java.util.TreeMap<>();
    for (int k = 0; k < 5; k++) {
      expected.put("{\"k\":" + k + "}", "{\"k\":" + k + ",\"n\":12,\"total\":12}");
    }
    while (System.nanoTime() < deadline && !table.equals(expected)) {
      Thread.sleep(200);
      table = compacted("up_out");
    }
    job.cancel();
    assertEquals(expected, table);
    // key 5 was written, then deleted with a tombstone
    assertTrue(kafka.consumeAll(Set.of("up_out"), true, Duration.ofMillis(300)).stream()
        .anyMatch(r -> new String(r.key(), StandardCharsets.UTF_8).equals("{\"k\":5}") && r.value() == null));

    // Round trip: the topic read back as an upsert-kafka table is the aggregation's final table.
    s.execute("CREATE TABLE totals_back (k INT, n BIGINT, total INT, PRIMARY KEY (k) NOT ENFORCED) WITH ("
        + "'connector' = 'upsert-kafka', 'topic' = 'up_out', 'properties.bootstrap.servers' = '"
        + kafka.bootstrapServers() + "', 'key.format' = 'json', 'value.format' = 'json')");
    s.execute("CREATE TABLE read_back (k INT, n BIGINT) WITH ('connector' = 'test-committing', 'name' = 'upsert-back')");
    s.execute("CREATE TABLE sum_back (group_count BIGINT, rows_total BIGINT) WITH ('connector' = 'test-committing',"
        + " 'name' = 'upsert-sum')");
    Job reader = ((StatementResult.JobResult) s.execute("INSERT INTO read_back SELECT k, n FROM totals_back")).job();
    Job summer = ((StatementResult.JobResult) s.execute(
        "INSERT INTO sum_back SELECT COUNT(*), SUM(n) FROM totals_back")).job();
    List<List<String>> expectedBack = new ArrayList<>();
    for (int k = 0; k < 5; k++) {
      expectedBack.add(List.of(Integer.toString(k), "12"));
    }
    List<List<String>> back = List.of();
    List<List<String>> sum = List.of();
    deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      back = sorted(io.weir.engine.oracle.Changelogs.apply(io.weir.engine.checkpoint.CommittingSinkFactory.committed("upsert-back")));
      sum = io.weir.engine.oracle.Changelogs.apply(io.weir.engine.checkpoint.CommittingSinkFactory.committed("upsert-sum"));
      if (back.equals(expectedBack) && sum.equals(List.of(List.of("5", "60")))) {
        break;
      }
      Thread.sleep(200);
    }
    reader.cancel();
    summer.cancel();
    assertEquals(expectedBack, back);
    assertEquals(List.of(List.of("5", "60")), sum, () -> summer.status() + " " + summer.failure());
  }

  private static List<List<String>> sorted(List<List<String>> rows) {
    List<List<String>> copy = new ArrayList<>(rows);
    copy.sort(java.util.Comparator.comparing(Object::toString));
    return copy;
  }

  /** The topic read as a compacted table: the last value of each key, a tombstone removing it. */
  private static Map<String, String> compacted(String topic) {
    Map<String, String> table = new java.util.TreeMap<>();
    for (var r : kafka.consumeAll(Set.of(topic), true, Duration.ofMillis(300))) {
      String key = new String(r.key(), StandardCharsets.UTF_8);
      if (r.value() == null) {
        table.remove(key);
      } else {
        table.put(key, new String(r.value(), StandardCharsets.UTF_8));
      }
    }
    return table;
  }

  @Test
  void recordKeysFromKeyFields() throws Exception {
    kafka.createTopic("keyed_in", 1);
    kafka.createTopic("keyed_out", 1);
    produce("keyed_in", 1, 0, 6);
    Session s = session();
    s.execute(kafkaTable("keyed_in", "id BIGINT, k INT, v INT", "keyed_in", ", 'scan.startup.mode' = 'earliest-offset'"));
    s.execute(kafkaTable("keyed_out", "id BIGINT, k INT", "keyed_out", ", 'key.format' = 'json', 'key.fields' = 'k'"));
    Job job = ((StatementResult.JobResult) s.execute("INSERT INTO keyed_out SELECT id, k FROM keyed_in")).job();
    awaitCount("keyed_out", 6);
    job.cancel();
    List<String> keyed = keysAndValues("keyed_out");
    assertEquals("{\"k\":0} {\"id\":0,\"k\":0}", keyed.get(0));
    assertEquals(6, keyed.size());
    s.execute(kafkaTable("bad_key", "id BIGINT", "keyed_out", ", 'key.format' = 'json', 'key.fields' = 'nope'"));
    var e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
        () -> s.execute("INSERT INTO bad_key SELECT id FROM keyed_in"));
    assertTrue(e.getMessage().contains("'key.fields' names 'nope'"), e.getMessage());
  }

  @Test
  void newPartitionsAreDiscoveredAndReadFromTheirStart() throws Exception {
    kafka.createTopic("growing", 1);
    kafka.createTopic("grown", 1);
    produce("growing", 1, 0, 3);
    Session s = session();
    s.execute(kafkaTable("growing", "id BIGINT", "growing", ", 'scan.startup.mode' = 'earliest-offset',"
        + " 'scan.topic-partition-discovery.interval' = '200 ms'"));
    s.execute(kafkaTable("grown", "id BIGINT", "grown", ""));
    Job job = ((StatementResult.JobResult) s.execute("INSERT INTO grown SELECT id FROM growing")).job();
    awaitCount("grown", 3);
    try (var admin = kafka.admin()) {
      admin.createPartitions(Map.of("growing", org.apache.kafka.clients.admin.NewPartitions.increaseTo(3))).all().get();
    }
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (int i = 3; i < 9; i++) {
      records.add(new ProducerRecord<>("growing", i % 3, null, ("{\"id\": " + i + "}").getBytes(StandardCharsets.UTF_8)));
    }
    kafka.produce("growing", records);
    awaitCount("grown", 9);
    job.cancel();
    assertEquals(9, values("grown").size());
  }

  @Test
  void exceptKeyKeepsTheKeyColumnsOutOfTheValue() throws Exception {
    kafka.createTopic("ek_in", 1);
    kafka.createTopic("ek_mid", 1);
    kafka.createTopic("ek_out", 1);
    produce("ek_in", 1, 0, 4);
    Session s = session();
    s.execute(kafkaTable("ek_in", "id BIGINT, k INT, v INT", "ek_in", ", 'scan.startup.mode' = 'earliest-offset'"));
    String exceptKey = ", 'key.format' = 'json', 'key.fields' = 'k;id', 'value.fields-include' = 'EXCEPT_KEY'";
    s.execute(kafkaTable("ek_mid", "id BIGINT, k INT, v INT", "ek_mid", exceptKey + ", 'scan.startup.mode' = 'earliest-offset'"));
    s.execute(kafkaTable("ek_out", "id BIGINT, k INT, v INT", "ek_out", ""));
    Job write = ((StatementResult.JobResult) s.execute("INSERT INTO ek_mid SELECT * FROM ek_in")).job();
    awaitCount("ek_mid", 4);
    write.cancel();
    List<String> records = keysAndValues("ek_mid");
    // The key holds k and id, in key.fields order; the value only what is left.
    assertEquals("{\"k\":1,\"id\":1} {\"v\":7}", records.get(1), records.toString());
    // Read back, key and value make the whole row again.
    Job read = ((StatementResult.JobResult) s.execute("INSERT INTO ek_out SELECT * FROM ek_mid")).job();
    awaitCount("ek_out", 4);
    read.cancel();
    assertEquals(List.of("{\"id\":0,\"k\":0,\"v\":0}", "{\"id\":1,\"k\":1,\"v\":7}",
        "{\"id\":2,\"k\":2,\"v\":14}", "{\"id\":3,\"k\":3,\"v\":21}"), values("ek_out"));
    var e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> {
      s.execute(kafkaTable("no_key", "id BIGINT", "ek_mid", ", 'value.fields-include' = 'EXCEPT_KEY'"));
      s.execute("INSERT INTO ek_out SELECT id, 0, 0 FROM no_key");
    });
    assertTrue(e.getMessage().contains("'EXCEPT_KEY' needs the key columns"), e.getMessage());
  }

  @Test
  void completedCheckpointsCommitTheirOffsetsToTheConsumerGroup() throws Exception {
    kafka.createTopic("grouped", 2);
    kafka.createTopic("grouped_out", 1);
    produce("grouped", 2, 0, 50);
    Session s = session();
    s.execute("SET 'execution.checkpointing.interval' = '100 ms'");
    s.execute(kafkaTable("grouped", "id BIGINT", "grouped", ", 'scan.startup.mode' = 'earliest-offset',"
        + " 'properties.group.id' = 'weir-reporting'"));
    s.execute(kafkaTable("grouped_out", "id BIGINT", "grouped_out", ""));
    Job job = ((StatementResult.JobResult) s.execute("INSERT INTO grouped_out SELECT id FROM grouped")).job();
    awaitCount("grouped_out", 50);
    Map<Integer, Long> committed = Map.of();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    try (var admin = kafka.admin()) {
      while (!committed.equals(Map.of(0, 25L, 1, 25L)) && System.nanoTime() < deadline) {
        Thread.sleep(100);
        committed = new java.util.TreeMap<>();
        for (var e : admin.listConsumerGroupOffsets("weir-reporting").partitionsToOffsetAndMetadata().get().entrySet()) {
          committed.put(e.getKey().partition(), e.getValue().offset());
        }
      }
    } finally {
      job.cancel();
    }
    // Every record read and checkpointed: the group's offsets are the partitions' ends.
    assertEquals(Map.of(0, 25L, 1, 25L), committed);
  }

  @Test
  void csvAndRawFormats() throws Exception {
    kafka.createTopic("csv_in", 1);
    kafka.createTopic("raw_out", 1);
    kafka.produce("csv_in", List.of(
        new ProducerRecord<>("csv_in", null, "1,apple,3".getBytes(StandardCharsets.UTF_8)),
        new ProducerRecord<>("csv_in", null, "2,\"pear, ripe\",5".getBytes(StandardCharsets.UTF_8))));
    Session s = session();
    s.execute("CREATE TABLE csv_in (id INT, name STRING, qty INT) WITH ('connector' = 'kafka', 'topic' = 'csv_in',"
        + " 'properties.bootstrap.servers' = '" + kafka.bootstrapServers() + "', 'format' = 'csv',"
        + " 'scan.startup.mode' = 'earliest-offset')");
    s.execute("CREATE TABLE raw_out (line STRING) WITH ('connector' = 'kafka', 'topic' = 'raw_out',"
        + " 'properties.bootstrap.servers' = '" + kafka.bootstrapServers() + "', 'format' = 'raw')");
    Job job = ((StatementResult.JobResult) s.execute(
        "INSERT INTO raw_out SELECT name || ' x' || CAST(qty AS STRING) FROM csv_in")).job();
    awaitCount("raw_out", 2);
    job.cancel();
    assertEquals(List.of("apple x3", "pear, ripe x5"), values("raw_out"));
  }

  @Test
  void upsertKafkaSourceWithComputedAndMetadataColumnsAndAWatermark() throws Exception {
    kafka.createTopic("prices", 1);
    String[][] records = {
        {"1", "{\"id\": 1, \"price\": 5, \"ts\": \"2026-01-01 00:00:01\"}"},
        {"2", "{\"id\": 2, \"price\": 7, \"ts\": \"2026-01-01 00:00:02\"}"},
        {"1", "{\"id\": 1, \"price\": 1, \"ts\": \"2026-01-01 00:00:03\"}"}, // now filtered out
        {"3", "{\"id\": 3, \"price\": 9, \"ts\": \"2026-01-01 00:00:04\"}"},
        {"3", null}, // a tombstone: id 3 is deleted
        {"2", "{\"id\": 2, \"price\": 8, \"ts\": \"2026-01-01 00:00:05\"}"}};
    List<ProducerRecord<byte[], byte[]>> batch = new ArrayList<>();
    for (String[] r : records) {
      batch.add(new ProducerRecord<>("prices", 0, ("{\"id\": " + r[0] + "}").getBytes(StandardCharsets.UTF_8),
          r[1] == null ? null : r[1].getBytes(StandardCharsets.UTF_8)));
    }
    kafka.produce("prices", batch);
    Session s = session();
    s.execute("CREATE TABLE prices (id BIGINT, price INT, ts TIMESTAMP(3), doubled AS price * 2,"
        + " `offset` BIGINT METADATA VIRTUAL, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND,"
        + " PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'upsert-kafka', 'topic' = 'prices',"
        + " 'properties.bootstrap.servers' = '" + kafka.bootstrapServers() + "', 'key.format' = 'json',"
        + " 'value.format' = 'json', 'scan.bounded.mode' = 'latest-offset')");
    var result = (StatementResult.QueryResult) s.execute("SELECT id, doubled, `offset` FROM prices WHERE price > 1");
    List<List<String>> table = io.weir.engine.oracle.Changelogs.apply(Session.collectAll(result, Duration.ofSeconds(60)));
    assertEquals(List.of(List.of("2", "16", "5")), table);
  }
}
