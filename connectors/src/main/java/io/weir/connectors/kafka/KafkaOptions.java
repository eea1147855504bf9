package io.weir.connectors.kafka;

import io.weir.common.config.ConfigOption;
import io.weir.connectors.internal.TableOptions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** The options of the {@code kafka} connector, named as in Flink. */
final class KafkaOptions {
  private KafkaOptions() {}

  static final String TOPIC = "topic";
  static final String TOPIC_PATTERN = "topic-pattern";
  static final String BOOTSTRAP_SERVERS = "properties.bootstrap.servers";
  static final String GROUP_ID = "properties.group.id";
  static final String PROPERTIES_PREFIX = "properties.";
  static final String VALUE_FORMAT = "value.format";
  static final String KEY_FORMAT = "key.format";
  static final String KEY_FIELDS = "key.fields";
  static final String VALUE_FIELDS_INCLUDE = "value.fields-include";
  static final String SINK_TRANSACTIONAL_ID_PREFIX = "sink.transactional-id-prefix";
  static final String STARTUP_SPECIFIC_OFFSETS = "scan.startup.specific-offsets";
  static final String STARTUP_TIMESTAMP = "scan.startup.timestamp-millis";
  /** Under {@code properties.}, as in Flink: whether completed checkpoints commit offsets to the group. */
  static final String COMMIT_OFFSETS_ON_CHECKPOINT = "commit.offsets.on.checkpoint";

  static final String BOUNDED_SPECIFIC_OFFSETS = "scan.bounded.specific-offsets";
  static final String BOUNDED_TIMESTAMP = "scan.bounded.timestamp-millis";

  enum StartupMode { EARLIEST_OFFSET, LATEST_OFFSET, GROUP_OFFSETS, TIMESTAMP, SPECIFIC_OFFSETS }

  enum BoundedMode { UNBOUNDED, LATEST_OFFSET, GROUP_OFFSETS, TIMESTAMP, SPECIFIC_OFFSETS }

  enum DeliveryGuarantee { NONE, AT_LEAST_ONCE, EXACTLY_ONCE }

  enum Partitioner { DEFAULT, FIXED, ROUND_ROBIN }

  static final ConfigOption<StartupMode> STARTUP_MODE = ConfigOption.enumeration(
      "scan.startup.mode", StartupMode.class, StartupMode.GROUP_OFFSETS,
      "Where a source starts when it does not restore offsets from a checkpoint.");

  static final ConfigOption<BoundedMode> BOUNDED_MODE = ConfigOption.enumeration(
      "scan.bounded.mode", BoundedMode.class, BoundedMode.UNBOUNDED,
      "Where each partition's reading ends: never (unbounded), or at the offset the mode gives when reading starts.");

  /** Whether {@code scan.bounded.mode} gives the table an end. */
  static boolean bounded(TableOptions options) {
    return options.get(BOUNDED_MODE) != BoundedMode.UNBOUNDED;
  }

  static final ConfigOption<Duration> DISCOVERY_INTERVAL = ConfigOption.duration(
      "scan.topic-partition-discovery.interval", Duration.ofMinutes(5),
      "How often new partitions (and, with topic-pattern, new topics) are looked for; 0 never.");

  static final ConfigOption<DeliveryGuarantee> DELIVERY_GUARANTEE = ConfigOption.enumeration(
      "sink.delivery-guarantee", DeliveryGuarantee.class, DeliveryGuarantee.AT_LEAST_ONCE,
      "none, at-least-once (flush at each checkpoint) or exactly-once (a transaction per checkpoint).");

  static final ConfigOption<Partitioner> PARTITIONER = ConfigOption.enumeration(
      "sink.partitioner", Partitioner.class, Partitioner.DEFAULT,
      "default (by key hash, else sticky), fixed (each sink task to one partition) or round-robin.");

  /** The {@code properties.*} options, without the prefix: passed to the Kafka client as given. */
  static Properties clientProperties(TableOptions options) {
    Properties p = new Properties();
    for (Map.Entry<String, String> e : options.map().entrySet()) {
      if (e.getKey().startsWith(PROPERTIES_PREFIX)) {
        p.put(e.getKey().substring(PROPERTIES_PREFIX.length()), e.getValue());
      }
    }
    return p;
  }

  /**
   * {@code partition:0,offset:42;partition:1,offset:300} as Flink writes it: offsets by partition.
   */
  static Map<Integer, Long> specificOffsets(TableOptions options) {
    return specificOffsets(options, "scan.startup.mode", STARTUP_SPECIFIC_OFFSETS);
  }

  /** The offsets of {@code scan.bounded.specific-offsets}, written as {@link #specificOffsets(TableOptions)}. */
  static Map<Integer, Long> boundedOffsets(TableOptions options) {
    return specificOffsets(options, "scan.bounded.mode", BOUNDED_SPECIFIC_OFFSETS);
  }

  private static Map<Integer, Long> specificOffsets(TableOptions options, String modeKey, String key) {
    String raw = options.map().get(key);
    if (raw == null) {
      throw options.error("'" + modeKey + "' = 'specific-offsets' needs '" + key
          + "', e.g. 'partition:0,offset:42;partition:1,offset:300'");
    }
    Map<Integer, Long> offsets = new HashMap<>();
    for (String part : raw.split(";")) {
      String[] kv = part.trim().split(",");
      try {
        if (kv.length != 2 || !kv[0].trim().startsWith("partition:") || !kv[1].trim().startsWith("offset:")) {
          throw new NumberFormatException();
        }
        offsets.put(Integer.parseInt(kv[0].trim().substring(10).trim()), Long.parseLong(kv[1].trim().substring(7).trim()));
      } catch (NumberFormatException e) {
        throw options.error("Invalid '" + key + "' entry '" + part
            + "'; expected 'partition:<n>,offset:<n>' entries separated by ';'");
      }
    }
    return offsets;
  }
}
