package io.weir.connectors.kafka;

import io.weir.common.types.RowType;
import io.weir.connectors.internal.TableOptions;
import io.weir.connectors.kafka.KafkaOptions.StartupMode;
import io.weir.runtime.connector.ReaderContext;
import io.weir.runtime.connector.SourceSplit;
import io.weir.runtime.connector.SplitReader;
import io.weir.runtime.connector.TableSource;
import io.weir.runtime.format.FormatFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;

/**
 * A Kafka table being read: one split per partition of its topics (a list, or a pattern matched
 * against the topics that exist when the job starts), dealt over the source tasks.
 */
final class KafkaSource implements TableSource {
  private final TableOptions options;
  private final Properties client;
  private final List<String> topics;
  private final Pattern topicPattern;
  private final FormatFactory valueFormat;
  private final Map<String, String> valueFormatOptions;
  private final RowType physicalType;
  private final StartupMode startupMode;
  private final List<String> metadataKeys;
  private RecordLayout layout;
  /** The key format, when record keys are read (see {@link #withLayout}); else null. */
  private FormatFactory keyFormat;
  private Map<String, String> keyFormatOptions;
  private boolean upserts;

  /**
   * Where the columns are in a record. Keys are decoded with {@code keyFormat} when the value lacks
   * the key's columns or, for {@code upserts}, to delete the key of a tombstone: with {@code
   * upserts} a record is the new row of its key (+U) and a tombstone deletes the key (-D).
   */
  KafkaSource withLayout(RecordLayout layout, FormatFactory keyFormat, Map<String, String> keyFormatOptions,
      boolean upserts) {
    this.layout = layout;
    this.keyFormat = keyFormat;
    this.keyFormatOptions = keyFormatOptions;
    this.upserts = upserts;
    return this;
  }

  KafkaSource(TableOptions options, Properties client, List<String> topics, Pattern topicPattern,
      FormatFactory valueFormat, Map<String, String> valueFormatOptions, RowType physicalType,
      List<String> metadataKeys) {
    this.metadataKeys = metadataKeys;
    this.options = options;
    this.client = client;
    this.topics = topics;
    this.topicPattern = topicPattern;
    this.valueFormat = valueFormat;
    this.valueFormatOptions = valueFormatOptions;
    this.physicalType = physicalType;
    this.startupMode = options.get(KafkaOptions.STARTUP_MODE);
    if (startupMode == StartupMode.SPECIFIC_OFFSETS) {
      KafkaOptions.specificOffsets(options); // checked now, not when the tasks start
    }
  }

  @Override
  public List<SourceSplit> splits(int parallelism) {
    Properties adminProps = new Properties();
    adminProps.putAll(client);
    try (Admin admin = Admin.create(adminProps)) {
      List<String> names = topics;
      if (topicPattern != null) {
        names = admin.listTopics().names().get().stream().filter(t -> topicPattern.matcher(t).matches()).sorted().toList();
      }
      List<KafkaPartitionSplit> splits = new ArrayList<>();
      if (!names.isEmpty()) {
        Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get();
        for (String topic : names) {
          described.get(topic).partitions().forEach(p -> splits.add(new KafkaPartitionSplit(topic, p.partition())));
        }
      }
      splits.sort(Comparator.comparing(KafkaPartitionSplit::topic).thenComparingInt(KafkaPartitionSplit::partition));
      return new ArrayList<>(splits);
    } catch (ExecutionException e) {
      throw options.error("Cannot read the partitions of " + (topicPattern != null ? "the topics matching '"
          + topicPattern + "'" : "topic(s) " + topics) + ": " + e.getCause().getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw options.error("Interrupted while reading the partitions of its topics");
    }
  }

  @Override
  public SplitReader createReader(SourceSplit split, ReaderContext context) {
    return createReader(split, context, null);
  }

  /** {@code scan.topic-partition-discovery.interval}: new partitions are read from their start. */
  @Override
  public java.time.Duration discoveryInterval() {
    if (KafkaOptions.bounded(options)) {
      return null; // a bounded read ends with the partitions it started with, as in Flink
    }
    return options.get(KafkaOptions.DISCOVERY_INTERVAL);
  }

  @Override
  public SplitReader createReader(SourceSplit split, ReaderContext context, String position) {
    boolean discovered = TableSource.NEW_SPLIT.equals(position);
    KafkaPartitionReader reader = new KafkaPartitionReader((KafkaPartitionSplit) split, client, options,
        discovered ? StartupMode.EARLIEST_OFFSET : startupMode,
        position == null || discovered ? null : Long.parseLong(position),
        valueFormat.createDecoder(layout.valueType(physicalType), valueFormatOptions), metadataKeys, context);
    return reader.withLayout(layout,
        keyFormat == null ? null : keyFormat.createDecoder(layout.keyType(physicalType), keyFormatOptions), upserts);
  }
}
