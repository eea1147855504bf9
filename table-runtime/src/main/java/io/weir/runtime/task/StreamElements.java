package io.weir.runtime.task;

import io.weir.common.data.Row;

/** What travels over a channel, in order: batches of rows, watermarks, and the end of input. */
final class StreamElements {
  private StreamElements() {}

  /** Rows sent together to save hand-overs; the array is owned by the receiver once sent. */
  record Batch(Row[] rows, int size) {}

  record Watermark(long timestamp) {}

  /**
   * Checkpoint barrier: every row before it on this channel belongs to the checkpoint's state,
   * every row after it does not.
   */
  record Barrier(io.weir.checkpointing.CheckpointTarget target) {}

  /**
   * The sender's splits have all been idle (no rows) longer than the idle timeout: until it sends
   * again, its channel does not hold the receiver's watermark back.
   */
  enum Idle {
    INSTANCE
  }

  /** The sender has finished: nothing follows on this channel. */
  enum EndOfInput {
    INSTANCE
  }
}
