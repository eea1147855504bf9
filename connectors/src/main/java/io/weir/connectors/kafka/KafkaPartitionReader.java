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
 * consumer group play no part in recovery. It never ends, unless {@code scan.bounded.mode} gives it
 * an end.
 */
final class KafkaPartitionReader implements SplitReader {
  private static final Duration POLL = Duration.ofMillis(5);

  private final KafkaPartitionSplit split;
  private final TopicPartition partition;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final RowDecoder decoder;
  private final ReaderContext context;
  private final KafkaMetadata[] metadata;
  private RecordLayout layout;
  /** Decodes record keys when the value lacks the key's columns, or for upserts; else null. */
  private RowDecoder keyDecoder;
  /** upsert-kafka: a record is the new row of its key, a tombstone deletes the key. */
  private boolean upserts;
  private long nextOffset;
  /** {@code scan.bounded.mode}: the offset at which the split ends; -1 when it never does. */
  private long stopOffset;
  /** Whether completed checkpoints commit their offsets to the consumer group (for monitoring only). */
  private final boolean commitOffsets;

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
    // Flink's option, given as 'properties.commit.offsets.on.checkpoint': not the client's.
    Object commit = p.remove(KafkaOptions.COMMIT_OFFSETS_ON_CHECKPOINT);
    this.commitOffsets = p.containsKey(ConsumerConfig.GROUP_ID_CONFIG)
        && (commit == null || Boolean.parseBoolean(commit.toString().trim()));
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
      stopOffset = stopOffset(options.get(KafkaOptions.BOUNDED_MODE), options);
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

  /**
   * The offset {@code scan.bounded.mode} ends the partition at, as it stands when reading starts
   * (a restored reader asks again); -1 for an unbounded table.
   */
  private long stopOffset(KafkaOptions.BoundedMode mode, TableOptions options) {
    Long end = switch (mode) {
      case UNBOUNDED -> null;
      case LATEST_OFFSET -> latest();
      case SPECIFIC_OFFSETS -> KafkaOptions.boundedOffsets(options).getOrDefault(split.partition(), latest());
      case GROUP_OFFSETS -> {
        OffsetAndMetadata committed = consumer.committed(java.util.Set.of(partition)).get(partition);
        yield committed == null ? latest() : committed.offset();
      }
      case TIMESTAMP -> {
        String millis = options.map().get(KafkaOptions.BOUNDED_TIMESTAMP);
        if (millis == null) {
          throw options.error("'scan.bounded.mode' = 'timestamp' needs '" + KafkaOptions.BOUNDED_TIMESTAMP + "'");
        }
        OffsetAndTimestamp at = consumer.offsetsForTimes(Map.of(partition, Long.parseLong(millis.trim()))).get(partition);
        yield at == null ? latest() : at.offset();
      }
    };
    return end == null ? -1 : end;
  }

  private long latest() {
    return consumer.endOffsets(List.of(partition)).get(partition);
  }

  /** Where the columns are in a record; see {@link KafkaSource#withLayout}. */
  KafkaPartitionReader withLayout(RecordLayout layout, RowDecoder keyDecoder, boolean upserts) {
    this.layout = layout;
    this.keyDecoder = keyDecoder;
    this.upserts = upserts;
    return this;
  }

  @Override
  public ReadStatus read(Consumer<Row> out) {
    // The position passes transaction markers too, which no record reports.
    if (stopOffset >= 0 && (nextOffset >= stopOffset || consumer.position(partition) >= stopOffset)) {
      return ReadStatus.END_OF_SPLIT;
    }
    ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
    if (records.isEmpty()) {
      return ReadStatus.NOTHING_AVAILABLE;
    }
    for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
      if (stopOffset >= 0 && record.offset() >= stopOffset) {
        break; // past the end scan.bounded.mode gave
      }
      nextOffset = record.offset() + 1;
      byte[] value = record.value();
      Consumer<Row> emit = metadata.length == 0 ? out : row -> out.accept(KafkaMetadata.append(row, metadata, record));
      if (value == null) {
        // A tombstone: for upserts the delete of its key; an append-only table has no row for it.
        if (upserts && record.key() != null) {
          Row key = decodeKey(record);
          if (key != null) {
            emit.accept(layout.merge(key, null).withKind(io.weir.common.data.RowKind.DELETE));
          }
        }
        continue;
      }
      if (upserts) {
        Consumer<Row> next = emit;
        emit = row -> next.accept(row.withKind(io.weir.common.data.RowKind.UPDATE_AFTER));
      }
      if (layout.valueFields() != null) {
        Row key = record.key() == null ? null : decodeKey(record);
        if (record.key() != null && key == null) {
          continue; // a malformed key, skipped and counted
        }
        Consumer<Row> next = emit;
        emit = row -> next.accept(layout.merge(key, row));
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

  /** The record's key as a row of the key columns; null when malformed and skipped (counted). */
  private Row decodeKey(ConsumerRecord<byte[], byte[]> record) {
    Row key;
    try {
      key = keyDecoder.decode(record.key());
    } catch (FormatException e) {
      throw new WeirException("Failed to read the key of Kafka topic '" + record.topic() + "', partition "
          + record.partition() + ", offset " + record.offset() + ": " + e.getMessage(), e);
    }
    if (key == null) {
      context.recordSkipped("Kafka topic '" + record.topic() + "', partition " + record.partition()
          + ", offset " + record.offset() + ": malformed key skipped");
    }
    return key;
  }

  /** The offset of the next record to read. */
  @Override
  public String position() {
    return Long.toString(nextOffset);
  }

  /**
   * Commits the checkpoint's offset to the consumer group, so that tools watching the group see
   * the job's progress (and {@code group-offsets} can start a new job there). Recovery reads the
   * checkpoint, never these commits, so a failed commit only delays what the group reports: the
   * next checkpoint commits again.
   */
  @Override
  public void checkpointComplete(String position) {
    if (commitOffsets) {
      consumer.commitAsync(Map.of(partition, new OffsetAndMetadata(Long.parseLong(position))), null);
    }
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
