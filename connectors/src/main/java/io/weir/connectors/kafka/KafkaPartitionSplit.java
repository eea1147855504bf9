package io.weir.connectors.kafka;

import io.weir.runtime.connector.SourceSplit;
import org.apache.kafka.common.TopicPartition;

/** One partition of a topic: read by one reader, with its own watermark and offset. */
record KafkaPartitionSplit(String topic, int partition) implements SourceSplit {
  @Override
  public String id() {
    return topic + "-" + partition;
  }

  TopicPartition topicPartition() {
    return new TopicPartition(topic, partition);
  }
}
