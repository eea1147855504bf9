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
import java.util.List;

/**
 * Writes one sink task's rows, a record per line, first into a hidden in-progress file {@code
 * .part-<uuid>-<task>-<n>.inprogress}, which {@link #flush()} and {@link #close()} rename to {@code
 * part-<uuid>-<task>-<n>}: readers, which skip hidden files, only ever see whole files. Rows written
 * after a flush go to the next part, {@code n + 1}. No file is made for a task that writes nothing.
 *
 * <p>With checkpoints, a part is closed at each barrier but stays hidden ({@link #prepareCommit});
 * the checkpoint records its name, and it is renamed only when the checkpoint completes ({@link
 * #commit}), so readers see exactly the rows of completed checkpoints. A failed job deletes the part
 * it was writing ({@link #abort}); parts staged for a checkpoint that never completed stay hidden.
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
    move(inProgress, directory.resolve(prefix + "-" + part));
    inProgress = null;
    part++;
  }

  @Override
  public void close() throws IOException {
    flush();
  }

  @Override
  public List<String> prepareCommit(long checkpointId) throws IOException {
    if (out == null) {
      return List.of();
    }
    out.close();
    out = null;
    String staged = inProgress.getFileName().toString();
    inProgress = null;
    part++;
    return List.of(staged);
  }

  /** Renames staged parts to their visible names; a part already renamed by an earlier commit is skipped. */
  @Override
  public void commit(List<String> committables) throws IOException {
    for (String staged : committables) {
      Path from = directory.resolve(staged);
      Path to = directory.resolve(visibleName(staged));
      if (Files.exists(from)) {
        move(from, to);
      } else if (!Files.exists(to)) {
        throw new WeirException("Table '" + table + "': the staged file '" + from + "' of a completed checkpoint"
            + " is missing, so its rows cannot be committed");
      }
    }
  }

  @Override
  public void abort() throws IOException {
    if (out != null) {
      out.close();
      out = null;
      Files.deleteIfExists(inProgress);
      inProgress = null;
    }
  }

  /** {@code .part-x-3.inprogress} → {@code part-x-3}. */
  private static String visibleName(String staged) {
    return staged.substring(1, staged.length() - ".inprogress".length());
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
