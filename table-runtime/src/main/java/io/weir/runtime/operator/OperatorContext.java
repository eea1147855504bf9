package io.weir.runtime.operator;

import io.weir.common.config.Configuration;
import io.weir.common.data.Row;
import io.weir.common.types.RowType;
import io.weir.runtime.expr.CompileContext;
import io.weir.state.KeyedStateBackend;

/** What an operator is told when it opens: which parallel instance it is, and the job's settings. */
public interface OperatorContext {

  /** The job's name, for messages. */
  String jobName();

  /** 0-based index of this parallel instance. */
  int subtaskIndex();

  int parallelism();

  Configuration config();

  /** The context expressions are compiled in (the session's time zone). */
  CompileContext compileContext();

  /**
   * The keyed state of this operator instance, keyed by rows of {@code keyType} and holding the
   * key groups this instance owns. Created on the first call; later calls return the same backend.
   * Only operators behind a hash edge on the same keys (or with parallelism 1) may use it.
   */
  KeyedStateBackend<Row> keyedState(RowType keyType);

  /** The wall-clock time processing-time windows and timers use. */
  default long currentProcessingTime() {
    return System.currentTimeMillis();
  }

  /** Counts a row dropped because it arrived behind the watermark. */
  void recordLateRow();

  /** Adds {@code rows} a sink was given to the job's count (called in batches, not per row). */
  default void recordRowsWritten(long rows) {}

  /**
   * The operator state that the instances of this operator returned from {@link
   * StreamOperator#snapshotOperatorState} in the checkpoint the job restores from — all of it goes
   * to instance 0 — or an empty list.
   */
  default java.util.List<byte[]> restoredOperatorState() {
    return java.util.List.of();
  }

  /** The same for every operator of one run of the job, different for every run (see {@link io.weir.runtime.connector.SinkContext}). */
  default String runId() {
    return "0";
  }

  /** True when the job takes checkpoints: sinks then commit output only when one completes. */
  default boolean checkpointing() {
    return false;
  }
}
