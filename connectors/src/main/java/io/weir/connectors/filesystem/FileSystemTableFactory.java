package io.weir.connectors.filesystem;

import io.weir.common.error.WeirException;
import io.weir.common.types.RowType;
import io.weir.connectors.internal.TableOptions;
import io.weir.runtime.connector.FactoryUtil;
import io.weir.runtime.connector.SinkFactory;
import io.weir.runtime.connector.SourceFactory;
import io.weir.runtime.connector.TableContext;
import io.weir.runtime.connector.TableSink;
import io.weir.runtime.connector.TableSource;
import io.weir.runtime.format.FormatFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The {@code filesystem} connector: reads and writes files of a line format ({@code json}, {@code
 * csv}) under a local path. Options as in Flink 1.20: {@code path} and {@code format} (required),
 * {@code source.monitor-interval}, {@code sink.parallelism}, and the format's own options. Reads
 * only the fields a query uses; takes no filters; writes only INSERT rows.
 */
public final class FileSystemTableFactory implements SourceFactory, SinkFactory {
  private static final String IDENTIFIER = "filesystem";

  @Override
  public String identifier() {
    return IDENTIFIER;
  }

  @Override
  public Set<String> requiredOptions() {
    return Set.of(FileSystemOptions.PATH, FileSystemOptions.FORMAT);
  }

  @Override
  public Set<String> optionalOptions() {
    return Set.of(
        FileSystemOptions.SOURCE_MONITOR_INTERVAL.key(), FileSystemOptions.SINK_PARALLELISM.key(), LOOKUP_CACHE_TTL);
  }

  @Override
  public boolean usesFormat() {
    return true;
  }

  /** A changelog when the format is one ({@code debezium-json}). */
  @Override
  public io.weir.common.plan.ChangelogMode changelogMode(Map<String, String> options) {
    return FactoryUtil.formatChangelogMode(options, FactoryUtil.FORMAT);
  }

  /** Writes a directory per partition, and reads partition values from the directories. */
  @Override
  public boolean supportsPartitioning() {
    return true;
  }

  @Override
  public boolean supportsProjectionPushDown() {
    return true;
  }

  @Override
  public boolean isBounded(TableContext context) {
    return monitorInterval(TableOptions.of(context, IDENTIFIER)) == null;
  }

  @Override
  public TableSource createSource(TableContext context) {
    TableOptions options = TableOptions.of(context, IDENTIFIER);
    Path root = FileSystemOptions.path(options);
    Duration interval = monitorInterval(options);
    if (interval == null && !Files.exists(root)) {
      throw options.error("The path '" + root + "' does not exist.");
    }
    FormatFactory format = FactoryUtil.format(context.table(), context.options(), FileSystemOptions.FORMAT);
    Map<String, String> formatOptions = FactoryUtil.formatOptions(format, context.options());
    int[] projection = context.readFields().stream().mapToInt(Integer::intValue).toArray();
    int[] partitionFields = context.partitionKeys().stream().mapToInt(Integer::intValue).toArray();
    // Checks the format's options and types now, not when the tasks start.
    try {
      if (partitionFields.length > 0) {
        PartitionedDecoders decoders = new PartitionedDecoders(root, format, context.physicalType(), partitionFields,
            projection, formatOptions);
        decoders.validate();
        return new FileSystemSource(root, interval, decoders);
      }
      DecoderFactory decoders = new DecoderFactory(format, context.physicalType(), projection, formatOptions);
      decoders.create();
      return new FileSystemSource(root, interval, file -> decoders.create());
    } catch (WeirException e) {
      throw options.error(e.getMessage());
    }
  }

  /** How long a lookup join's in-memory copy of the table is used before the files are read again. */
  static final String LOOKUP_CACHE_TTL = "lookup.join.cache.ttl";

  @Override
  public boolean supportsLookup() {
    return true;
  }

  @Override
  public io.weir.runtime.connector.LookupSource createLookup(TableContext context, java.util.List<Integer> keyFields) {
    TableOptions options = TableOptions.of(context, IDENTIFIER);
    Path root = FileSystemOptions.path(options);
    if (!Files.exists(root)) {
      throw options.error("The path '" + root + "' does not exist.");
    }
    FormatFactory format = FactoryUtil.format(context.table(), context.options(), FileSystemOptions.FORMAT);
    Map<String, String> formatOptions = FactoryUtil.formatOptions(format, context.options());
    int[] all = java.util.stream.IntStream.range(0, context.physicalType().arity()).toArray();
    DecoderFactory decoders = new DecoderFactory(format, context.physicalType(), all, formatOptions);
    long ttl = io.weir.common.config.Durations.parse(context.option(LOOKUP_CACHE_TTL, "60 min")).toMillis();
    return new FileSystemLookupSource(new FileSystemSource(root, null, file -> decoders.create()), keyFields, ttl);
  }

  @Override
  public TableSink createSink(TableContext context) {
    TableOptions options = TableOptions.of(context, IDENTIFIER);
    Path directory = FileSystemOptions.path(options);
    if (Files.isRegularFile(directory)) {
      throw options.error(
          "The path '" + directory + "' is a file, but a filesystem sink writes into a directory.");
    }
    options.get(FileSystemOptions.SINK_PARALLELISM);
    FormatFactory format = FactoryUtil.format(context.table(), context.options(), FileSystemOptions.FORMAT);
    Map<String, String> formatOptions = FactoryUtil.formatOptions(format, context.options());
    int[] partitionFields = context.partitionKeys().stream().mapToInt(Integer::intValue).toArray();
    if (partitionFields.length == context.physicalType().arity()) {
      throw options.error("Every column is a partition column, so the files would hold nothing; keep at least one"
          + " column out of PARTITIONED BY.");
    }
    RowType fileType = context.physicalType().project(FileSystemSink.dataFields(context.physicalType(), partitionFields));
    try {
      format.createEncoder(fileType, formatOptions); // checks options and types now
    } catch (WeirException e) {
      throw options.error(e.getMessage());
    }
    return new FileSystemSink(context.table(), directory, format, context.physicalType(), formatOptions, partitionFields);
  }

  private static Duration monitorInterval(TableOptions options) {
    Duration interval = options.get(FileSystemOptions.SOURCE_MONITOR_INTERVAL);
    if (interval != null && (interval.isZero() || interval.isNegative())) {
      throw options.error("Option 'source.monitor-interval' must be a positive duration, such as '10 s'.");
    }
    return interval;
  }
}
