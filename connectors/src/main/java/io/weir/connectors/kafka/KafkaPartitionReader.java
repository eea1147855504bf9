package io.weir.connectors.kafka;

import io.weir.common.data.Row;
import io.weir.common.error.WeirException;
import io.weir.connectors.internal.TableOptions;
import io.weir.connectors.kafka.KafkaOptions.StartupMode;
import io.weir.runtime.connector.ReaderContext;
import io.weir.runtime.connector.SplitReader;
import io.weir.runtime.format.FormatException;
import io.weir.runtime.format.RowDecoder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads one partition with a consumer assigned to it alone. Its position is the offset of the next
 * record: a checkpoint records it and a restored reader seeks there, so offsets committed to the
 * consumer group play no part in recovery. Never ends: a Kafka table is unbounded.
 */
final class KafkaPartitionReader implements SplitReader {
  private static final Duration POLL = Duration.ofMillis(5);

  private final KafkaPartitionSplit split;
  private final TopicPartition partition;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final RowDecoder decoder;
  private final ReaderContext context;
  private final KafkaMetadata[] metadata;
  /** upsert-kafka: decodes a tombstone's key; null for an append-only table. */
  private RowDecoder keyDecoder;
  private int[] keyFields;
  private int arity;
  private long nextOffset;

  KafkaPartitionReader(KafkaPartitionSplit split, Properties client, TableOptions options, StartupMode startupMode,
      Long restoredOffset, RowDecoder decoder, List<String> metadataKeys, ReaderContext context) {
    this.metadata = metadataKeys.stream().map(KafkaMetadata::of).toArray(KafkaMetadata[]::new);
    this.split = split;
    this.partition = split.topicPartition();
    this.decoder = decoder;
    this.context = context;
    Properties p = new Properties();
    p.putAll(client);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "weir-" + options.table() + "-" + split.id());
    this.consumer = new KafkaConsumer<>(p);
    try {
      consumer.assign(List.of(partition));
      if (restoredOffset != null) {
        consumer.seek(partition, restoredOffset);
      } else {
        seekToStart(startupMode, options, p);
      }
      nextOffset = consumer.position(partition, Duration.ofSeconds(30));
    } catch (RuntimeException e) {
      consumer.close(Duration.ZERO);
      throw new WeirException("Table '" + options.table() + "': cannot start reading Kafka partition "
          + split.id() + ": " + e.getMessage(), e);
    }
  }

  private void seekToStart(StartupMode mode, TableOptions options, Properties client) {
    switch (mode) {
      case EARLIEST_OFFSET -> consumer.seekToBeginning(List.of(partition));
      case LATEST_OFFSET -> consumer.seekToEnd(List.of(partition));
      case TIMESTAMP -> {
        String millis = options.map().get(KafkaOptions.STARTUP_TIMESTAMP);
        if (millis == null) {
          throw options.error("'scan.startup.mode' = 'timestamp' needs '" + KafkaOptions.STARTUP_TIMESTAMP + "'");
        }
        OffsetAndTimestamp at = consumer.offsetsForTimes(Map.of(partition, Long.parseLong(millis.trim()))).get(partition);
        if (at == null) {
          consumer.seekToEnd(List.of(partition));
        } else {
          consumer.seek(partition, at.offset());
        }
      }
      case SPECIFIC_OFFSETS -> {
        Long offset = KafkaOptions.specificOffsets(options).get(split.partition());
        if (offset == null) {
          consumer.seekToBeginning(List.of(partition));
        } else {
          consumer.seek(partition, offset);
        }
      }
      case GROUP_OFFSETS -> {
        if (!client.containsKey(ConsumerConfig.GROUP_ID_CONFIG)) {
          throw options.error("'scan.startup.mode' = 'group-offsets' (the default) needs '"
              + KafkaOptions.GROUP_ID + "'; or set 'scan.startup.mode' to 'earliest-offset' or 'latest-offset'");
        }
        OffsetAndMetadata committed = consumer.committed(java.util.Set.of(partition)).get(partition);
        if (committed != null) {
          consumer.seek(partition, committed.offset());
        } else if ("earliest".equals(client.getProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG))) {
          consumer.seekToBeginning(List.of(partition));
        } else {
          consumer.seekToEnd(List.of(partition));
        }
      }
    }
  }

  /** Reads records as upserts of their key, tombstones as deletes (see {@link KafkaSource#upserts}). */
  void upserts(RowDecoder keyDecoder, int[] keyFields, int arity) {
    this.keyDecoder = keyDecoder;
    this.keyFields = keyFields;
    this.arity = arity;
  }

  @Override
  public ReadStatus read(Consumer<Row> out) {
    ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
    if (records.isEmpty()) {
      return ReadStatus.NOTHING_AVAILABLE;
    }
    for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
      nextOffset = record.offset() + 1;
      byte[] value = record.value();
      Consumer<Row> emit = metadata.length == 0 ? out : row -> out.accept(KafkaMetadata.append(row, metadata, record));
      if (keyDecoder != null) {
        emit = upsert(record, emit);
        if (value == null) {
          continue; // a tombstone: upsert() emitted the delete of its key
        }
      } else if (value == null) {
        continue; // a tombstone carries no row of an append-only table
      }
      // A changelog format (debezium-json) may turn one record into several rows: -U then +U.
      boolean read;
      try {
        read = decoder.decode(value, 0, value.length, emit);
      } catch (FormatException e) {
        throw new WeirException("Failed to read Kafka topic '" + record.topic() + "', partition "
            + record.partition() + ", offset " + record.offset() + ": " + e.getMessage(), e);
      }
      if (!read) {
        context.recordSkipped("Kafka topic '" + record.topic() + "', partition " + record.partition()
            + ", offset " + record.offset() + ": malformed record skipped");
      }
    }
    return ReadStatus.MORE_AVAILABLE;
  }

  /**
   * For upsert-kafka: a tombstone becomes a delete of its key, now; for a record with a value, the
   * returned consumer marks the decoded row as the new value of its key (+U).
   */
  private Consumer<Row> upsert(ConsumerRecord<byte[], byte[]> record, Consumer<Row> emit) {
    if (record.value() != null) {
      return row -> emit.accept(row.withKind(io.weir.common.data.RowKind.UPDATE_AFTER));
    }
    if (record.key() == null) {
      return emit; // neither key nor value: nothing to delete
    }
    Row key;
    try {
      key = keyDecoder.decode(record.key());
    } catch (FormatException e) {
      throw new WeirException("Failed to read the key of Kafka topic '" + record.topic() + "', partition "
          + record.partition() + ", offset " + record.offset() + ": " + e.getMessage(), e);
    }
    if (key != null) {
      Object[] fields = new Object[arity];
      for (int i = 0; i < keyFields.length; i++) {
        fields[keyFields[i]] = key.field(i);
      }
      emit.accept(Row.ofKind(io.weir.common.data.RowKind.DELETE, fields));
    }
    return emit;
  }

  /** The offset of the next record to read. */
  @Override
  public String position() {
    return Long.toString(nextOffset);
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
