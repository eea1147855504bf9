package io.weir.connectors.kafka;

import io.weir.common.data.Row;
import io.weir.common.types.LogicalType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The metadata of a Kafka record a table can read ({@code ts TIMESTAMP_LTZ(3) METADATA FROM
 * 'timestamp'}), with Flink's keys and types, and how each is taken from the record.
 */
enum KafkaMetadata {
  TOPIC("topic", LogicalType.string(), ConsumerRecord::topic),
  PARTITION("partition", LogicalType.integer(), ConsumerRecord::partition),
  OFFSET("offset", LogicalType.bigint(), ConsumerRecord::offset),
  TIMESTAMP("timestamp", LogicalType.timestampLtz(3), ConsumerRecord::timestamp),
  TIMESTAMP_TYPE("timestamp-type", LogicalType.string(), r -> r.timestampType().toString()),
  LEADER_EPOCH("leader-epoch", LogicalType.integer(), r -> r.leaderEpoch().orElse(null)),
  HEADERS("headers", LogicalType.map(LogicalType.string(), LogicalType.bytes()), r -> {
    Map<String, byte[]> headers = new LinkedHashMap<>();
    for (Header h : r.headers()) {
      headers.put(h.key(), h.value());
    }
    return headers;
  });

  static final Map<String, LogicalType> TYPES;

  static {
    Map<String, LogicalType> types = new LinkedHashMap<>();
    for (KafkaMetadata m : values()) {
      types.put(m.key, m.type);
    }
    TYPES = java.util.Collections.unmodifiableMap(types);
  }

  final String key;
  final LogicalType type;
  private final Function<ConsumerRecord<byte[], byte[]>, Object> read;

  KafkaMetadata(String key, LogicalType type, Function<ConsumerRecord<byte[], byte[]>, Object> read) {
    this.key = key;
    this.type = type;
    this.read = read;
  }

  static KafkaMetadata of(String key) {
    for (KafkaMetadata m : values()) {
      if (m.key.equals(key)) {
        return m;
      }
    }
    throw new IllegalArgumentException("Kafka records have no metadata '" + key + "'; they have " + TYPES.keySet());
  }

  /** {@code row}'s fields followed by the record's {@code metadata}, in order. */
  static Row append(Row row, KafkaMetadata[] metadata, ConsumerRecord<byte[], byte[]> record) {
    int n = row.arity();
    Object[] fields = new Object[n + metadata.length];
    for (int i = 0; i < n; i++) {
      fields[i] = row.field(i);
    }
    for (int i = 0; i < metadata.length; i++) {
      fields[n + i] = metadata[i].read.apply(record);
    }
    return Row.ofKind(row.kind(), fields);
  }
}
