package io.weir.connectors.kafka;

import io.weir.connectors.internal.TableOptions;
import io.weir.runtime.connector.FactoryUtil;
import io.weir.runtime.connector.SinkFactory;
import io.weir.runtime.connector.TableContext;
import io.weir.runtime.connector.TableSink;
import io.weir.runtime.format.FormatFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The {@code upsert-kafka} connector, as in Flink: a table with a PRIMARY KEY over a compacted
 * topic. Written to, it takes an updating result: each {@code +I}/{@code +U} becomes the record of
 * its key ({@code key.format} over the key columns, {@code value.format} over the row), each
 * {@code -D} a tombstone. (Reading it back as a changelog is not built yet.)
 */
public final class UpsertKafkaTableFactory implements SinkFactory, io.weir.runtime.connector.SourceFactory {
  private static final String IDENTIFIER = "upsert-kafka";

  @Override
  public String identifier() {
    return IDENTIFIER;
  }

  @Override
  public Set<String> requiredOptions() {
    return Set.of(KafkaOptions.TOPIC, KafkaOptions.BOOTSTRAP_SERVERS, KafkaOptions.KEY_FORMAT, KafkaOptions.VALUE_FORMAT);
  }

  @Override
  public Set<String> optionalOptions() {
    return Set.of("sink.parallelism", KafkaOptions.DELIVERY_GUARANTEE.key(), KafkaOptions.SINK_TRANSACTIONAL_ID_PREFIX);
  }

  @Override
  public Set<String> optionPrefixes() {
    return Set.of(KafkaOptions.PROPERTIES_PREFIX, "key.", "value.");
  }

  @Override
  public boolean acceptsUpdates() {
    return true;
  }

  @Override
  public boolean isBounded(TableContext context) {
    return false;
  }

  @Override
  public boolean emitsUpserts() {
    return true;
  }

  /** After normalisation by key, a full changelog. */
  @Override
  public io.weir.common.plan.ChangelogMode changelogMode(Map<String, String> options) {
    return io.weir.common.plan.ChangelogMode.ALL;
  }

  /** Read from the earliest offset, as Flink's upsert-kafka does: the whole compacted table. */
  @Override
  public io.weir.runtime.connector.TableSource createSource(TableContext context) {
    TableOptions options = TableOptions.of(context, IDENTIFIER);
    if (context.primaryKey().isEmpty()) {
      throw options.error("An 'upsert-kafka' table needs a PRIMARY KEY (... NOT ENFORCED): its columns make the"
          + " record key");
    }
    int[] keyFields = context.primaryKey().stream().mapToInt(Integer::intValue).toArray();
    FormatFactory keyFormat = FactoryUtil.format(context.table(), context.options(), KafkaOptions.KEY_FORMAT);
    FormatFactory valueFormat = FactoryUtil.format(context.table(), context.options(), KafkaOptions.VALUE_FORMAT);
    Map<String, String> keyOptions = prefixed(context.options(), "key." + keyFormat.identifier() + ".");
    Map<String, String> valueOptions = prefixed(context.options(), "value." + valueFormat.identifier() + ".");
    Map<String, String> withStart = new HashMap<>(context.options());
    withStart.put(KafkaOptions.STARTUP_MODE.key(), "earliest-offset");
    TableOptions startOptions = TableOptions.of(new TableContext(context.table(), withStart, context.physicalType(),
        context.readFields(), context.config()), IDENTIFIER);
    String topic = options.map().get(KafkaOptions.TOPIC).trim();
    return new KafkaSource(startOptions, KafkaOptions.clientProperties(options), java.util.List.of(topic), null,
        valueFormat, valueOptions, context.physicalType(), java.util.List.of())
        .upserts(keyFormat, keyOptions, keyFields);
  }

  @Override
  public TableSink createSink(TableContext context) {
    TableOptions options = TableOptions.of(context, IDENTIFIER);
    if (context.primaryKey().isEmpty()) {
      throw options.error("An 'upsert-kafka' table needs a PRIMARY KEY (... NOT ENFORCED): its columns make the"
          + " record key");
    }
    int[] keyFields = context.primaryKey().stream().mapToInt(Integer::intValue).toArray();
    FormatFactory keyFormat = FactoryUtil.format(context.table(), context.options(), KafkaOptions.KEY_FORMAT);
    FormatFactory valueFormat = FactoryUtil.format(context.table(), context.options(), KafkaOptions.VALUE_FORMAT);
    Map<String, String> keyOptions = prefixed(context.options(), "key." + keyFormat.identifier() + ".");
    Map<String, String> valueOptions = prefixed(context.options(), "value." + valueFormat.identifier() + ".");
    var keyType = context.physicalType().project(keyFields);
    keyFormat.createEncoder(keyType, keyOptions);
    valueFormat.createEncoder(context.physicalType(), valueOptions);
    Properties client = KafkaOptions.clientProperties(options);
    String topic = options.map().get(KafkaOptions.TOPIC).trim();
    String transactionalPrefix = KafkaTableFactory.transactionalPrefix(options, context);
    boolean flush = options.get(KafkaOptions.DELIVERY_GUARANTEE) != KafkaOptions.DeliveryGuarantee.NONE;
    return sinkContext -> new KafkaSinkWriter(context.table(), topic, client,
        valueFormat.createEncoder(context.physicalType(), valueOptions), KafkaOptions.Partitioner.DEFAULT,
        sinkContext.subtaskIndex(), sinkContext.runId(), transactionalPrefix, flush)
        .withKey(keyFormat.createEncoder(keyType, keyOptions), keyFields, true);
  }

  private static Map<String, String> prefixed(Map<String, String> options, String prefix) {
    Map<String, String> out = new HashMap<>();
    options.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        out.put(k.substring(prefix.length()), v);
      }
    });
    return out;
  }
}
