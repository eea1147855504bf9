package io.weir.connectors.kafka;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A real Kafka broker in this JVM: one combined KRaft controller and broker ({@link LocalKafka}),
 * listening on 127.0.0.1 only, on free ports, with replication factor 1 for the internal topics,
 * so consumer groups and transactions work. Closing it stops it; its logs live in the directory
 * given (a test's temporary directory).
 */
public final class EmbeddedKafka implements AutoCloseable {
  private final kafka.server.KafkaRaftServer server;
  private final int port;

  private EmbeddedKafka(kafka.server.KafkaRaftServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /** Starts a broker whose logs live under {@code baseDirectory}. */
  public static EmbeddedKafka start(Path baseDirectory) throws Exception {
    int port = LocalKafka.freeLoopbackPort();
    return new EmbeddedKafka(LocalKafka.start(baseDirectory.resolve("logs"), port), port);
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public void createTopic(String name, int partitions) throws Exception {
    try (Admin admin = admin()) {
      admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
    }
  }

  public Admin admin() {
    return Admin.create(Map.of("bootstrap.servers", bootstrapServers()));
  }

  /** Writes records (key may be null) to a topic and waits until they are acknowledged. */
  public void produce(String topic, Collection<ProducerRecord<byte[], byte[]>> records) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
      for (ProducerRecord<byte[], byte[]> r : records) {
        producer.send(r);
      }
      producer.flush();
    }
  }

  /**
   * Reads every record of the topics from the beginning until {@code idle} passes without a new
   * one; with {@code readCommitted}, only records of committed transactions.
   */
  public List<ConsumerRecord<byte[], byte[]>> consumeAll(Set<String> topics, boolean readCommitted, Duration idle) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted");
    List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
      List<org.apache.kafka.common.TopicPartition> partitions = new ArrayList<>();
      for (String topic : topics) {
        consumer.partitionsFor(topic).forEach(i -> partitions.add(new org.apache.kafka.common.TopicPartition(topic, i.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long quietSince = System.nanoTime();
      while (System.nanoTime() - quietSince < idle.toNanos()) {
        var batch = consumer.poll(Duration.ofMillis(100));
        if (!batch.isEmpty()) {
          batch.forEach(all::add);
          quietSince = System.nanoTime();
        }
      }
    }
    return all;
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }
}
