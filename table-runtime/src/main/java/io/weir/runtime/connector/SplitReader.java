package io.weir.runtime.connector;

import io.weir.common.data.Row;
import java.util.function.Consumer;

/**
 * Reads one split. Used only by the task thread that created it. A reader must not block for long
 * inside {@link #read}: an unbounded source with nothing to read returns {@link
 * ReadStatus#NOTHING_AVAILABLE} and is asked again later, so the task can still react to
 * cancellation (and, later, checkpoint barriers).
 */
public interface SplitReader extends AutoCloseable {

  /** The outcome of one {@link #read} call. */
  enum ReadStatus {
    /** Rows were emitted (or may be ready right away): call again. */
    MORE_AVAILABLE,
    /** Nothing to read now; call again after a short pause. */
    NOTHING_AVAILABLE,
    /** The split is exhausted; the reader will be closed. */
    END_OF_SPLIT
  }

  /**
   * Emits a bounded number of rows (a batch, e.g. up to a few hundred) to {@code out}, rows of
   * {@link TableContext#readType()}, kind INSERT unless the source is a changelog.
   *
   * @throws io.weir.common.error.WeirException when the data is malformed; the message names the
   *     split (file, partition), the position (line, offset) and the field
   */
  ReadStatus read(Consumer<Row> out) throws Exception;

  /**
   * Where this reader stands: every row emitted so far lies before it, and a reader created with
   * it by {@link TableSource#createReader(SourceSplit, ReaderContext, String)} continues with the
   * next row. Taken at checkpoints, between {@link #read} calls. Null when the reader cannot
   * resume: checkpoints are then declined with a message naming the split.
   */
  default String position() {
    return null;
  }

  /**
   * A checkpoint that recorded this reader at {@code position} (as {@link #position()} gave it) has
   * completed. Recovery never depends on it; it lets a connector report progress elsewhere, as the
   * Kafka source commits offsets to its consumer group. Called on the task thread, between {@link
   * #read} calls.
   */
  default void checkpointComplete(String position) {}

  @Override
  default void close() throws Exception {}
}
