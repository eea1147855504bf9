package io.weir.runtime.connector;

import java.util.List;

/**
 * A table being read by one job. It cuts the table into splits (files, partitions, generator
 * shares); the runtime gives split {@code i} to source task {@code i % parallelism} and opens a
 * {@link SplitReader} for each split on that task's thread.
 */
public interface TableSource {

  /** The splits to read; {@code parallelism} is a hint for sources that can split at will. */
  List<SourceSplit> splits(int parallelism);

  /**
   * How often the runtime asks {@link #splits} again for splits that appeared since the job
   * started (new Kafka partitions), or null never. A new split goes to the task {@code
   * floorMod(id.hashCode(), parallelism)}, which opens it with {@link #NEW_SPLIT} as position.
   */
  default java.time.Duration discoveryInterval() {
    return null;
  }

  /** The position a split discovered while the job runs is opened with: read it from its start. */
  String NEW_SPLIT = "\u0000new";

  /** Opens a reader for one split. Called on the task thread that will read it. */
  SplitReader createReader(SourceSplit split, ReaderContext context);

  /**
   * Opens a reader that continues a split from {@code position}, a value an earlier reader of the
   * same split returned from {@link SplitReader#position()} (null: from the start).
   */
  default SplitReader createReader(SourceSplit split, ReaderContext context, String position) {
    if (position == null) {
      return createReader(split, context);
    }
    throw new UnsupportedOperationException(
        "Split '" + split.id() + "' cannot resume from position '" + position + "'");
  }
}
