package io.weir.connectors.kafka;

import io.weir.connectors.internal.TableOptions;
import io.weir.runtime.connector.FactoryUtil;
import io.weir.runtime.connector.SinkFactory;
import io.weir.runtime.connector.SourceFactory;
import io.weir.runtime.connector.TableContext;
import io.weir.runtime.connector.TableSink;
import io.weir.runtime.connector.TableSource;
import io.weir.common.types.RowType;
import io.weir.runtime.format.FormatFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code kafka} connector: an append-only table over Kafka topics, with Flink's options —
 * {@code topic} (several separated by {@code ;}) or {@code topic-pattern}, {@code
 * properties.bootstrap.servers}, any {@code properties.*} for the client, {@code
 * scan.startup.mode}, {@code format} (or {@code value.format}), {@code sink.partitioner} and
 * {@code sink.delivery-guarantee}.
 */
public final class KafkaTableFactory implements SourceFactory, SinkFactory {
  private static final String IDENTIFIER = "kafka";

  @Override
  public String identifier() {
    return IDENTIFIER;
  }

  @Override
  public Set<String> requiredOptions() {
    return Set.of(KafkaOptions.BOOTSTRAP_SERVERS);
  }

  @Override
  public Set<String> optionalOptions() {
    return Set.of(KafkaOptions.TOPIC, KafkaOptions.TOPIC_PATTERN, KafkaOptions.GROUP_ID,
        KafkaOptions.STARTUP_MODE.key(), KafkaOptions.STARTUP_SPECIFIC_OFFSETS, KafkaOptions.STARTUP_TIMESTAMP,
        KafkaOptions.BOUNDED_MODE.key(), KafkaOptions.BOUNDED_SPECIFIC_OFFSETS, KafkaOptions.BOUNDED_TIMESTAMP,
        KafkaOptions.DISCOVERY_INTERVAL.key(), KafkaOptions.VALUE_FORMAT, KafkaOptions.DELIVERY_GUARANTEE.key(),
        KafkaOptions.PARTITIONER.key(), KafkaOptions.SINK_TRANSACTIONAL_ID_PREFIX, "sink.parallelism",
        KafkaOptions.KEY_FORMAT, KafkaOptions.KEY_FIELDS, KafkaOptions.VALUE_FIELDS_INCLUDE);
  }

  @Override
  public Set<String> optionPrefixes() {
    return Set.of(KafkaOptions.PROPERTIES_PREFIX, "value.", "key.");
  }

  /** The record's metadata, readable as Flink's Kafka connector names it. */
  @Override
  public Map<String, io.weir.common.types.LogicalType> readableMetadata() {
    return KafkaMetadata.TYPES;
  }

  /** A changelog when the value format is one ({@code debezium-json}). */
  @Override
  public io.weir.common.plan.ChangelogMode changelogMode(Map<String, String> options) {
    String key = options.containsKey(KafkaOptions.VALUE_FORMAT) ? KafkaOptions.VALUE_FORMAT : FactoryUtil.FORMAT;
    return FactoryUtil.formatChangelogMode(options, key);
  }

  @Override
  public boolean usesFormat() {
    return true;
  }

  @Override
  public boolean isBounded(TableContext context) {
    return KafkaOptions.bounded(TableOptions.of(context, IDENTIFIER));
  }

  @Override
  public TableSource createSource(TableContext context) {
    TableOptions options = TableOptions.of(context, IDENTIFIER);
    List<String> topics = topics(options);
    Pattern pattern = null;
    String rawPattern = options.map().get(KafkaOptions.TOPIC_PATTERN);
    if (rawPattern != null) {
      if (!topics.isEmpty()) {
        throw options.error("Give either 'topic' or 'topic-pattern', not both");
      }
      try {
        pattern = Pattern.compile(rawPattern);
      } catch (PatternSyntaxException e) {
        throw options.error("'topic-pattern' is not a regular expression: " + e.getDescription());
      }
    } else if (topics.isEmpty()) {
      throw options.error("Give the topic(s) to read: 'topic' = 'orders' (several separated by ';') or 'topic-pattern'");
    }
    FormatFactory format = valueFormat(context);
    Map<String, String> formatOptions = formatOptions(format, context.options());
    RecordLayout layout = RecordLayout.of(options, context, null);
    format.createDecoder(layout.valueType(context.physicalType()), formatOptions); // checks the format's options now
    KafkaSource source = new KafkaSource(options, KafkaOptions.clientProperties(options), topics, pattern, format,
        formatOptions, context.physicalType(), context.metadataKeys());
    if (layout.valueFields() == null) {
      return source.withLayout(layout, null, null, false); // the value holds the key's columns: read from there
    }
    FormatFactory keyFormat = FactoryUtil.format(context.table(), context.options(), KafkaOptions.KEY_FORMAT);
    Map<String, String> keyOptions = keyOptions(keyFormat, context.options());
    keyFormat.createDecoder(layout.keyType(context.physicalType()), keyOptions);
    return source.withLayout(layout, keyFormat, keyOptions, false);
  }

  @Override
  public TableSink createSink(TableContext context) {
    TableOptions options = TableOptions.of(context, IDENTIFIER);
    List<String> topics = topics(options);
    if (topics.size() != 1 || options.contains(KafkaOptions.TOPIC_PATTERN)) {
      throw options.error("A Kafka table written to needs exactly one 'topic'");
    }
    FormatFactory format = valueFormat(context);
    Map<String, String> formatOptions = formatOptions(format, context.options());
    RecordLayout layout = RecordLayout.of(options, context, null);
    RowType valueType = layout.valueType(context.physicalType());
    format.createEncoder(valueType, formatOptions);
    Properties client = KafkaOptions.clientProperties(options);
    KafkaOptions.Partitioner partitioner = options.get(KafkaOptions.PARTITIONER);
    String prefix = transactionalPrefix(options, context);
    boolean flushAtCheckpoints = options.get(KafkaOptions.DELIVERY_GUARANTEE) != KafkaOptions.DeliveryGuarantee.NONE;
    FormatFactory keyFormat = layout.hasKey()
        ? FactoryUtil.format(context.table(), context.options(), KafkaOptions.KEY_FORMAT) : null;
    Map<String, String> keyOptions = keyFormat == null ? Map.of() : keyOptions(keyFormat, context.options());
    if (keyFormat != null) {
      keyFormat.createEncoder(layout.keyType(context.physicalType()), keyOptions);
    }
    return sinkContext -> new KafkaSinkWriter(context.table(), topics.get(0), client,
        format.createEncoder(valueType, formatOptions), partitioner, sinkContext.subtaskIndex(), sinkContext.runId(),
        prefix, flushAtCheckpoints)
        .withLayout(layout, keyFormat == null ? null : keyFormat.createEncoder(layout.keyType(context.physicalType()),
            keyOptions), false);
  }

  /** The key format's options: {@code key.<format>.x}. */
  static Map<String, String> keyOptions(FormatFactory keyFormat, Map<String, String> options) {
    return prefixed(options, "key." + keyFormat.identifier() + ".");
  }

  static Map<String, String> prefixed(Map<String, String> options, String prefix) {
    java.util.HashMap<String, String> out = new java.util.HashMap<>();
    options.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        out.put(k.substring(prefix.length()), v);
      }
    });
    return out;
  }

  /** The transactional-id prefix of an exactly-once sink, checked; null for the other guarantees. */
  static String transactionalPrefix(TableOptions options, TableContext context) {
    if (options.get(KafkaOptions.DELIVERY_GUARANTEE) != KafkaOptions.DeliveryGuarantee.EXACTLY_ONCE) {
      return null;
    }
    String prefix = options.map().get(KafkaOptions.SINK_TRANSACTIONAL_ID_PREFIX);
    if (prefix == null || prefix.isBlank()) {
      throw options.error("'sink.delivery-guarantee' = 'exactly-once' needs '"
          + KafkaOptions.SINK_TRANSACTIONAL_ID_PREFIX + "', unique to this job's sink");
    }
    String interval = context.config().getRaw("execution.checkpointing.interval");
    if (interval == null || io.weir.common.config.Durations.parse(interval).isZero()) {
      throw options.error("'sink.delivery-guarantee' = 'exactly-once' commits a Kafka transaction per checkpoint:"
          + " set 'execution.checkpointing.interval'");
    }
    return prefix;
  }

  private static List<String> topics(TableOptions options) {
    String raw = options.map().get(KafkaOptions.TOPIC);
    return raw == null ? List.of() : Arrays.stream(raw.split(";")).map(String::trim).filter(t -> !t.isEmpty()).toList();
  }

  /** {@code value.format}, else {@code format}. */
  private static FormatFactory valueFormat(TableContext context) {
    String key = context.options().containsKey(KafkaOptions.VALUE_FORMAT) ? KafkaOptions.VALUE_FORMAT : FactoryUtil.FORMAT;
    if (!context.options().containsKey(key)) {
      throw TableOptions.of(context, IDENTIFIER).error("Give the record format: 'format' = 'json' (or 'value.format')");
    }
    return FactoryUtil.format(context.table(), context.options(), key);
  }

  /** The format's options: {@code json.x}, or {@code value.json.x} with {@code value.format}. */
  private static Map<String, String> formatOptions(FormatFactory format, Map<String, String> options) {
    Map<String, String> all = new java.util.HashMap<>(FactoryUtil.formatOptions(format, options));
    all.putAll(prefixed(options, "value." + format.identifier() + "."));
    return all;
  }
}
