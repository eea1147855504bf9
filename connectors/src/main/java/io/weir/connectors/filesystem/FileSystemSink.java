package io.weir.connectors.filesystem;

import io.weir.common.types.RowType;
import io.weir.runtime.connector.SinkContext;
import io.weir.runtime.connector.SinkWriter;
import io.weir.runtime.connector.TableSink;
import io.weir.runtime.format.FormatFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * A filesystem table being written: each task writes its own files into the directory, or, for a
 * partitioned table, into the directory of each row's partition (without the partition columns).
 */
final class FileSystemSink implements TableSink {
  private final String table;
  private final Path directory;
  private final FormatFactory format;
  private final RowType type;
  private final Map<String, String> formatOptions;
  private final int[] partitionFields;
  /** Shared by the tasks of one job, so its files are recognisable; Flink names files alike. */
  private final String uuid = UUID.randomUUID().toString();

  /** @param partitionFields the PARTITIONED BY fields of {@code type}; empty for none */
  FileSystemSink(String table, Path directory, FormatFactory format, RowType type, Map<String, String> formatOptions,
      int[] partitionFields) {
    this.table = table;
    this.directory = directory;
    this.format = format;
    this.type = type;
    this.formatOptions = formatOptions;
    this.partitionFields = partitionFields;
  }

  /** The fields the files hold: all but the partition fields. */
  static int[] dataFields(RowType type, int[] partitionFields) {
    return IntStream.range(0, type.arity()).filter(i -> IntStream.of(partitionFields).noneMatch(p -> p == i)).toArray();
  }

  /** Creates the directory if missing, so even a job that writes nothing leaves a readable table. */
  @Override
  public SinkWriter createWriter(SinkContext context) throws IOException {
    Files.createDirectories(directory);
    String prefix = "part-" + uuid + "-" + context.subtaskIndex();
    if (partitionFields.length == 0) {
      return new FileSinkWriter(table, directory, prefix, format.createEncoder(type, formatOptions));
    }
    int[] dataFields = dataFields(type, partitionFields);
    RowType dataType = type.project(dataFields);
    return new PartitionedSinkWriter(directory, type, partitionFields, dataFields,
        dir -> new FileSinkWriter(table, dir, prefix, format.createEncoder(dataType, formatOptions)));
  }
}
