package io.weir.runtime.operator;

import io.weir.common.data.Row;

/**
 * One step of a streaming job, built from an {@link io.weir.common.plan.OperatorSpec}.
 *
 * <p>Lifecycle: {@link #open} → any number of {@link #process} / {@link #onWatermark} → {@link
 * #endInput} for each input (bounded inputs only) → {@link #close}. Every method is called on the
 * one task thread that owns the operator, so an operator needs no locking. Inputs are numbered
 * from 0 in the order of the spec's inputs.
 */
public interface StreamOperator {

  default void open(OperatorContext context) throws Exception {}

  /** Handles one row of input {@code input}; emits any results to {@code out}. */
  void process(int input, Row row, Output out) throws Exception;

  /**
   * The operator's watermark (the minimum over its inputs) advanced to {@code watermark}. The
   * default forwards it: an operator that holds rows back must emit them first.
   */
  default void onWatermark(long watermark, Output out) throws Exception {
    out.emitWatermark(watermark);
  }

  /**
   * Processing time advanced to {@code time}; called periodically by the task (about every 100 ms,
   * and when idle), so operators with processing-time timers can fire them.
   */
  default void onProcessingTime(long time, Output out) throws Exception {}

  /** Input {@code input} has ended: every row and the final watermark have been delivered. */
  default void endInput(int input, Output out) throws Exception {}

  /**
   * A checkpoint barrier reached this operator: flush anything buffered into keyed state, stage
   * output (sinks), and return the operator's non-keyed state for the checkpoint, which the
   * operator gets back through {@link OperatorContext#restoredOperatorState()} — empty for none.
   * Keyed state is snapshotted by the task right after.
   */
  default byte[] snapshotOperatorState(long checkpointId) throws Exception {
    return NO_STATE;
  }

  /** Checkpoint {@code checkpointId} is complete: output staged for it may be committed. */
  default void notifyCheckpointComplete(long checkpointId) throws Exception {}

  /** Releases resources. Idempotent; called also when the job fails or is cancelled. */
  default void close() throws Exception {}

  /** The empty operator state. */
  byte[] NO_STATE = new byte[0];
}
