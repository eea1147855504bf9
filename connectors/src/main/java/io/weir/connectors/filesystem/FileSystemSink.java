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

/** A filesystem table being written: each task writes its own files into the directory. */
final class FileSystemSink implements TableSink {
  private final String table;
  private final Path directory;
  private final FormatFactory format;
  private final RowType type;
  private final Map<String, String> formatOptions;
  /** Shared by the tasks of one job, so its files are recognisable; Flink names files alike. */
  private final String uuid = UUID.randomUUID().toString();

  FileSystemSink(String table, Path directory, FormatFactory format, RowType type, Map<String, String> formatOptions) {
    this.table = table;
    this.directory = directory;
    this.format = format;
    this.type = type;
    this.formatOptions = formatOptions;
  }

  /** Creates the directory if missing, so even a job that writes nothing leaves a readable table. */
  @Override
  public SinkWriter createWriter(SinkContext context) throws IOException {
    Files.createDirectories(directory);
    return new FileSinkWriter(
        table, directory, "part-" + uuid + "-" + context.subtaskIndex(), format.createEncoder(type, formatOptions));
  }
}
