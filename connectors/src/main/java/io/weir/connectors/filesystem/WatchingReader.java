package io.weir.connectors.filesystem;

import io.weir.common.data.Row;
import io.weir.runtime.connector.SplitReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.LinkedHashSet;
import java.util.function.BiFunction;

/**
 * Reads the files of one {@link WatchSplit}: those present at the start, then every new one found
 * by listing the directory each {@code source.monitor-interval}. Never ends. A file is read once;
 * files that grow after they were read are not read again (write them elsewhere and move them in,
 * as Weir's own sink does with its in-progress files).
 *
 * <p>Its {@link #position()} names the files read to their end and the file being read with the
 * lines read from it, one per line: {@code done <path>} and {@code reading <lines> <path>}. A
 * restored reader skips the done files and continues the one being read where it stood; files
 * that appeared since are read as new.
 */
final class WatchingReader implements SplitReader {
  private final WatchSplit split;
  private final long intervalNanos;
  private final BiFunction<Path, Long, FileReader> readers;
  private final Set<Path> seen = new HashSet<>();
  private final Set<Path> done = new LinkedHashSet<>();
  private final ArrayDeque<Path> pending = new ArrayDeque<>();
  private FileReader current;
  private Path currentPath;
  /** The file a restored reader was reading, and the lines it had read, until it is opened. */
  private Path resumePath;
  private long resumeLines;
  private long nextScan = Long.MIN_VALUE;

  /** @param readers opens a file, skipping the given number of lines already read */
  WatchingReader(WatchSplit split, long intervalNanos, BiFunction<Path, Long, FileReader> readers, String position) {
    this.split = split;
    this.intervalNanos = intervalNanos;
    this.readers = readers;
    if (position != null) {
      for (String line : position.split("\n")) {
        if (line.startsWith("done ")) {
          Path file = Path.of(line.substring(5));
          done.add(file);
          seen.add(file);
        } else if (line.startsWith("reading ")) {
          int space = line.indexOf(' ', 8);
          resumeLines = Long.parseLong(line.substring(8, space));
          resumePath = Path.of(line.substring(space + 1));
        }
      }
    }
  }

  @Override
  public String position() {
    StringBuilder position = new StringBuilder();
    for (Path file : done) {
      position.append("done ").append(file).append('\n');
    }
    if (current != null) {
      position.append("reading ").append(current.position()).append(' ').append(currentPath).append('\n');
    } else if (resumePath != null) {
      position.append("reading ").append(resumeLines).append(' ').append(resumePath).append('\n');
    }
    return position.toString();
  }

  @Override
  public ReadStatus read(Consumer<Row> out) throws Exception {
    while (true) {
      if (current != null) {
        ReadStatus status = current.read(out);
        if (status != ReadStatus.END_OF_SPLIT) {
          return status;
        }
        current.close();
        current = null;
        done.add(currentPath);
        continue;
      }
      if (pending.isEmpty()) {
        long now = System.nanoTime();
        if (nextScan != Long.MIN_VALUE && now - nextScan < 0) {
          return ReadStatus.NOTHING_AVAILABLE;
        }
        nextScan = now + intervalNanos;
        scan();
        if (pending.isEmpty()) {
          return ReadStatus.NOTHING_AVAILABLE;
        }
      }
      currentPath = pending.poll();
      long skip = 0;
      if (currentPath.equals(resumePath)) {
        skip = resumeLines;
        resumePath = null;
      }
      current = readers.apply(currentPath, skip);
    }
  }

  private void scan() {
    for (Path file : FileListing.list(split.root())) {
      if (seen.add(file) && split.owns(file)) {
        pending.add(file);
      }
    }
  }

  @Override
  public void close() throws IOException {
    if (current != null) {
      current.close();
      current = null;
    }
  }
}
