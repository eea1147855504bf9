package io.weir.connectors.filesystem;

import io.weir.common.data.Row;
import io.weir.common.data.RowKind;
import io.weir.common.error.WeirException;
import io.weir.runtime.connector.SinkWriter;
import io.weir.runtime.format.RowEncoder;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes one sink task's rows, a record per line, first into a hidden in-progress file {@code
 * .part-<uuid>-<task>-<n>.inprogress}, which {@link #flush()} and {@link #close()} rename to {@code
 * part-<uuid>-<task>-<n>}: readers, which skip hidden files, only ever see whole files. Rows written
 * after a flush go to the next part, {@code n + 1}. No file is made for a task that writes nothing.
 */
final class FileSinkWriter implements SinkWriter {
  private final String table;
  private final Path directory;
  private final String prefix;
  private final RowEncoder encoder;
  private int part;
  private Path inProgress;
  private OutputStream out;

  FileSinkWriter(String table, Path directory, String prefix, RowEncoder encoder) {
    this.table = table;
    this.directory = directory;
    this.prefix = prefix;
    this.encoder = encoder;
  }

  @Override
  public void write(Row row) throws IOException {
    if (row.kind() != RowKind.INSERT) {
      throw new WeirException(
          "Table '" + table + "' (connector 'filesystem') can only be appended to, but the query"
              + " produced an " + describe(row.kind()) + " row " + row + ". Write the result of an"
              + " updating query to a connector that accepts updates.");
    }
    if (out == null) {
      open();
    }
    out.write(encoder.encode(row));
    out.write('\n');
  }

  private static String describe(RowKind kind) {
    return switch (kind) {
      case UPDATE_BEFORE -> "update (-U)";
      case UPDATE_AFTER -> "update (+U)";
      case DELETE -> "delete (-D)";
      case INSERT -> "insert (+I)";
    };
  }

  private void open() throws IOException {
    Files.createDirectories(directory);
    inProgress = directory.resolve("." + prefix + "-" + part + ".inprogress");
    out = new BufferedOutputStream(Files.newOutputStream(inProgress), 64 * 1024);
  }

  /** Completes the current part: closes it and gives it its final, visible name. */
  @Override
  public void flush() throws IOException {
    if (out == null) {
      return;
    }
    out.close();
    out = null;
    Path target = directory.resolve(prefix + "-" + part);
    try {
      Files.move(inProgress, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(inProgress, target, StandardCopyOption.REPLACE_EXISTING);
    }
    inProgress = null;
    part++;
  }

  @Override
  public void close() throws IOException {
    flush();
  }
}
