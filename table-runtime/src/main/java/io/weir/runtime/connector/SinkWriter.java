package io.weir.runtime.connector;

import io.weir.common.data.Row;

/**
 * Writes the rows of one sink task. Used only by that task's thread. Rows have the sink table's
 * physical type; their kind says whether they insert, update or delete.
 */
public interface SinkWriter extends AutoCloseable {

  void write(Row row) throws Exception;

  /** Makes everything written so far durable/visible; called at the end of input. */
  default void flush() throws Exception {}

  /** Releases resources; after a successful {@link #flush()} the output is complete. */
  @Override
  default void close() throws Exception {}

  /**
   * Two-phase commit, phase one, at a checkpoint barrier: makes everything written since the last
   * call durable but not yet visible, and returns what {@link #commit} needs to make it visible
   * (e.g. staged file names). Stored in the checkpoint. The default flushes: output then is
   * at-least-once.
   */
  default java.util.List<String> prepareCommit(long checkpointId) throws Exception {
    flush();
    return java.util.List.of();
  }

  /**
   * Phase two: the checkpoint that holds {@code committables} is complete; make them visible.
   * Idempotent: after a recovery, the committables of the restored checkpoint are committed again.
   */
  default void commit(java.util.List<String> committables) throws Exception {}

  /**
   * The job failed or was cancelled: drops what was written since the last {@link
   * #prepareCommit}, then releases resources. Called instead of {@link #close()} when output is
   * committed by checkpoints. The default closes.
   */
  default void abort() throws Exception {
    close();
  }
}
