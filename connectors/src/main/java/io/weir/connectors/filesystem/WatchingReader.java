package io.weir.connectors.filesystem;

import io.weir.common.data.Row;
import io.weir.runtime.connector.SplitReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads the files of one {@link WatchSplit}: those present at the start, then every new one found
 * by listing the directory each {@code source.monitor-interval}. Never ends. A file is read once;
 * files that grow after they were read are not read again (write them elsewhere and move them in,
 * as Weir's own sink does with its in-progress files).
 */
final class WatchingReader implements SplitReader {
  private final WatchSplit split;
  private final long intervalNanos;
  private final Function<Path, FileReader> readers;
  private final Set<Path> seen = new HashSet<>();
  private final ArrayDeque<Path> pending = new ArrayDeque<>();
  private FileReader current;
  private long nextScan = Long.MIN_VALUE;

  WatchingReader(WatchSplit split, long intervalNanos, Function<Path, FileReader> readers) {
    this.split = split;
    this.intervalNanos = intervalNanos;
    this.readers = readers;
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
      current = readers.apply(pending.poll());
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
