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
