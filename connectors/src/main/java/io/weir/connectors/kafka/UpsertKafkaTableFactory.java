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
 * {@code -D} a tombstone. Read, it is a changelog: a record is the new row of its key, a
 * tombstone deletes the key. {@code value.fields-include} = {@code EXCEPT_KEY} keeps the key
 * columns out of the value.
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
    return Set.of("sink.parallelism", KafkaOptions.DELIVERY_GUARANTEE.key(), KafkaOptions.SINK_TRANSACTIONAL_ID_PREFIX,
        KafkaOptions.VALUE_FIELDS_INCLUDE, KafkaOptions.BOUNDED_MODE.key(), KafkaOptions.BOUNDED_SPECIFIC_OFFSETS,
        KafkaOptions.BOUNDED_TIMESTAMP);
  }

  @Override
  public Set<String> optionPrefixes() {
    return Set.of(KafkaOptions.PROPERTIES_PREFIX, "key.", "value.");
  }

  /** The record's metadata, readable as for {@code kafka} tables. */
  @Override
  public Map<String, io.weir.common.types.LogicalType> readableMetadata() {
    return KafkaMetadata.TYPES;
  }

  @Override
  public boolean acceptsUpdates() {
    return true;
  }

  @Override
  public boolean isBounded(TableContext context) {
    return KafkaOptions.bounded(TableOptions.of(context, IDENTIFIER));
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
    Formats f = Formats.of(context, options);
    Map<String, String> withStart = new HashMap<>(context.options());
    withStart.put(KafkaOptions.STARTUP_MODE.key(), "earliest-offset");
    TableOptions startOptions = TableOptions.of(new TableContext(context.table(), withStart, context.physicalType(),
        context.readFields(), context.config()), IDENTIFIER);
    String topic = options.map().get(KafkaOptions.TOPIC).trim();
    return new KafkaSource(startOptions, KafkaOptions.clientProperties(options), java.util.List.of(topic), null,
        f.value(), f.valueOptions(), context.physicalType(), context.metadataKeys())
        .withLayout(f.layout(), f.key(), f.keyOptions(), true);
  }

  @Override
  public TableSink createSink(TableContext context) {
    TableOptions options = TableOptions.of(context, IDENTIFIER);
    Formats f = Formats.of(context, options);
    var keyType = f.layout().keyType(context.physicalType());
    var valueType = f.layout().valueType(context.physicalType());
    f.key().createEncoder(keyType, f.keyOptions());
    f.value().createEncoder(valueType, f.valueOptions());
    Properties client = KafkaOptions.clientProperties(options);
    String topic = options.map().get(KafkaOptions.TOPIC).trim();
    String transactionalPrefix = KafkaTableFactory.transactionalPrefix(options, context);
    boolean flush = options.get(KafkaOptions.DELIVERY_GUARANTEE) != KafkaOptions.DeliveryGuarantee.NONE;
    return sinkContext -> new KafkaSinkWriter(context.table(), topic, client,
        f.value().createEncoder(valueType, f.valueOptions()), KafkaOptions.Partitioner.DEFAULT,
        sinkContext.subtaskIndex(), sinkContext.runId(), transactionalPrefix, flush)
        .withLayout(f.layout(), f.key().createEncoder(keyType, f.keyOptions()), true);
  }

  /** The columns of key and value (the key's are the primary key's), and their formats with options. */
  private record Formats(RecordLayout layout, FormatFactory key, Map<String, String> keyOptions, FormatFactory value,
      Map<String, String> valueOptions) {
    static Formats of(TableContext context, TableOptions options) {
      if (context.primaryKey().isEmpty()) {
        throw options.error("An 'upsert-kafka' table needs a PRIMARY KEY (... NOT ENFORCED): its columns make the"
            + " record key");
      }
      FormatFactory key = FactoryUtil.format(context.table(), context.options(), KafkaOptions.KEY_FORMAT);
      FormatFactory value = FactoryUtil.format(context.table(), context.options(), KafkaOptions.VALUE_FORMAT);
      int[] primaryKey = context.primaryKey().stream().mapToInt(Integer::intValue).toArray();
      return new Formats(RecordLayout.of(options, context, primaryKey),
          key, KafkaTableFactory.keyOptions(key, context.options()),
          value, KafkaTableFactory.prefixed(context.options(), "value." + value.identifier() + "."));
    }
  }


}
