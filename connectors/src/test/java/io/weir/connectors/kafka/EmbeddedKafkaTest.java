package io.weir.connectors.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process broker works as a real one: on loopback, with transactions and read_committed. */
class EmbeddedKafkaTest {
  @TempDir Path dir;

  @Test
  void transactionsAreSeenOnlyWhenCommitted() throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir)) {
      assertTrue(kafka.bootstrapServers().matches("127\\.0\\.0\\.1:\\d+"), kafka.bootstrapServers());
      kafka.createTopic("t", 2);
      Properties p = new Properties();
      p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
      p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
      p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
      p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-1");
      try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
        producer.initTransactions();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>("t", "committed".getBytes(StandardCharsets.UTF_8)));
        producer.commitTransaction();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>("t", "aborted".getBytes(StandardCharsets.UTF_8)));
        producer.flush();
        producer.abortTransaction();
      }
      var committed = kafka.consumeAll(Set.of("t"), true, Duration.ofMillis(500));
      assertEquals(1, committed.size());
      assertEquals("committed", new String(committed.get(0).value(), StandardCharsets.UTF_8));
      assertEquals(2, kafka.consumeAll(Set.of("t"), false, Duration.ofMillis(500)).size());
    }
  }
}
