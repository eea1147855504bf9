package io.weir.runtime.task;

import io.weir.checkpointing.CheckpointCoordinator;
import io.weir.checkpointing.CheckpointTarget;
import io.weir.checkpointing.CompletedCheckpoint;
import java.util.concurrent.Executor;

/**
 * What the tasks of one run of a job share about checkpoints: whether they are taken and how
 * barriers align, the checkpoint the run restores from, the thread pool snapshots are written on,
 * and the coordinator tasks acknowledge to.
 */
public final class TaskCheckpoints {
  private static final TaskCheckpoints DISABLED = new TaskCheckpoints(false, true, null, Runnable::run);

  final boolean enabled;
  final boolean exactlyOnce;
  final CompletedCheckpoint restore;
  final Executor snapshotExecutor;
  /** Identifies this run of the job (see {@link io.weir.runtime.connector.SinkContext#runId()}). */
  final String runId = java.util.UUID.randomUUID().toString().substring(0, 8);
  volatile CheckpointCoordinator coordinator;
  /** The latest checkpoint triggered: a task that finishes before its barrier reaches it still acks. */
  volatile CheckpointTarget latestTriggered;

  /**
   * @param enabled whether checkpoints are taken (sinks then commit in two phases)
   * @param restore the checkpoint or savepoint to start from, or null
   */
  public TaskCheckpoints(boolean enabled, boolean exactlyOnce, CompletedCheckpoint restore, Executor snapshotExecutor) {
    this.enabled = enabled;
    this.exactlyOnce = exactlyOnce;
    this.restore = restore;
    this.snapshotExecutor = snapshotExecutor;
  }

  /** No checkpoints, no restore. */
  public static TaskCheckpoints disabled() {
    return DISABLED;
  }

  public void setCoordinator(CheckpointCoordinator coordinator) {
    this.coordinator = coordinator;
  }

  public CompletedCheckpoint restore() {
    return restore;
  }

  /** Set while a stop-with-savepoint is in progress: sources stop reading after its barrier. */
  volatile boolean stopAfterSavepoint;

  public void stopAfterSavepoint(boolean stop) {
    stopAfterSavepoint = stop;
  }

  public void triggered(CheckpointTarget target) {
    latestTriggered = target;
  }
}
