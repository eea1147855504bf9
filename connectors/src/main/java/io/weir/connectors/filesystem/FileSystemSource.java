package io.weir.connectors.filesystem;

import io.weir.runtime.connector.ReaderContext;
import io.weir.runtime.connector.SourceSplit;
import io.weir.runtime.connector.SplitReader;
import io.weir.runtime.connector.TableSource;
import io.weir.runtime.format.RowDecoder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A filesystem table being read. Bounded: one split per file found when the job starts. Watched
 * ({@code source.monitor-interval}): one never-ending split per task, each owning a share of the
 * files that exist or will appear.
 */
final class FileSystemSource implements TableSource {
  private final Path root;
  private final Duration monitorInterval;
  private final Function<Path, RowDecoder> decoders;

  /** @param decoders makes the decoder of one file's records */
  FileSystemSource(Path root, Duration monitorInterval, Function<Path, RowDecoder> decoders) {
    this.root = root;
    this.monitorInterval = monitorInterval;
    this.decoders = decoders;
  }

  @Override
  public List<SourceSplit> splits(int parallelism) {
    List<SourceSplit> splits = new ArrayList<>();
    if (monitorInterval == null) {
      for (Path file : FileListing.list(root)) {
        splits.add(new FileSplit(file));
      }
    } else {
      int count = Math.max(1, parallelism);
      for (int i = 0; i < count; i++) {
        splits.add(new WatchSplit(root, i, count));
      }
    }
    return splits;
  }

  @Override
  public SplitReader createReader(SourceSplit split, ReaderContext context, String position) {
    if (split instanceof FileSplit f) {
      return new FileReader(f.path(), decoders.apply(f.path()), context, position == null ? 0 : Long.parseLong(position));
    }
    WatchSplit w = (WatchSplit) split;
    return new WatchingReader(w, monitorInterval.toNanos(),
        (file, lines) -> new FileReader(file, decoders.apply(file), context, lines), position);
  }

  @Override
  public SplitReader createReader(SourceSplit split, ReaderContext context) {
    return createReader(split, context, null);
  }
}
