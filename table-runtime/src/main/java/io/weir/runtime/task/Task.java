package io.weir.runtime.task;

import io.weir.checkpointing.CheckpointCoordinator.TaskState;
import io.weir.checkpointing.CheckpointMetadata.SubtaskState;
import io.weir.checkpointing.CheckpointTarget;
import io.weir.state.AsyncKeyedSnapshot;
import io.weir.state.IncrementalSnapshots;
import io.weir.state.KeyedStateBackend;
import io.weir.state.NativeSnapshot;
import io.weir.state.NativeSnapshotHandle;
import io.weir.state.StateOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * One parallel instance of a chain, run by one thread from start to end of its input.
 *
 * <p><b>Checkpoints.</b> When a barrier has reached the task (a source task: when the coordinator
 * triggered it; a task with inputs: when it arrived on every input channel), the task snapshots
 * its operators on its own thread — operator state, then keyed state into memory — sends the
 * barrier on, and returns to its rows while the snapshot is written to the checkpoint directory on
 * the job's snapshot thread, which then acknowledges to the coordinator.
 *
 * <p>A task whose input has ended takes a final snapshot and, with checkpoints on, stays until a
 * checkpoint holding that final state completes — only then may its sinks commit the last output
 * they staged. Meanwhile it acknowledges every checkpoint with the final snapshot.
 */
public abstract class Task {
  private static final long FINAL = Long.MAX_VALUE;

  private final String name;
  final OperatorChain chain;
  final List<TaskOperatorContext> contexts;
  final int index;
  final TaskCheckpoints checkpoints;
  volatile boolean cancelled;
  private final ConcurrentLinkedQueue<Action> mailbox = new ConcurrentLinkedQueue<>();

  /** Work another thread hands to the task thread. */
  private interface Action {
    void run() throws Exception;
  }
  private volatile long completedCheckpoint;
  /** Guarded by this. */
  private long lastAcknowledged;
  /** Guarded by this: set once the input has ended. */
  private List<SnapshotPart> finalSnapshot;

  /**
   * The synchronous part of one operator's snapshot: its operator state, and its keyed state, if
   * any — a canonical snapshot the snapshot thread writes ({@code asyncKeyed}) or a native RocksDB
   * checkpoint it uploads ({@code nativeKeyed}).
   */
  record SnapshotPart(String uid, String description, int subtask, int parallelism, byte[] operatorState,
      AsyncKeyedSnapshot asyncKeyed, NativeSnapshot nativeKeyed) {
    /** Operator state only. */
    SnapshotPart(String uid, String description, int subtask, int parallelism, byte[] operatorState) {
      this(uid, description, subtask, parallelism, operatorState, null, null);
    }
  }

  Task(String name, OperatorChain chain, List<TaskOperatorContext> contexts, int index, TaskCheckpoints checkpoints) {
    this.name = name;
    this.chain = chain;
    this.contexts = contexts;
    this.index = index;
    this.checkpoints = checkpoints;
  }

  /** {@code Calc -> Sink (2/4)}: the chain's operators and this instance's 1-based index. */
  public String name() {
    return name;
  }

  /** Runs until the input ends, the task is cancelled, or it fails. Called on the task's thread. */
  public abstract void run() throws Exception;

  /** Asks the task to stop; the job interrupts its thread as well. */
  public void cancel() {
    cancelled = true;
  }

  /** Releases everything the task opened. Idempotent. */
  public abstract void close() throws Exception;

  /**
   * The coordinator triggered {@code target}. A source task injects its barrier; any task that has
   * finished acknowledges with its final snapshot. Any thread.
   */
  public void triggerCheckpoint(CheckpointTarget target) {
    List<SnapshotPart> finished;
    synchronized (this) {
      finished = finalSnapshot;
    }
    if (finished != null) {
      acknowledge(target, finished);
    } else {
      injectBarrier(target);
    }
  }

  /** Source tasks queue the barrier for their thread; other tasks get theirs through channels. */
  void injectBarrier(CheckpointTarget target) {}

  /** Checkpoint {@code checkpointId} completed; the task thread passes it to the operators. Any thread. */
  public void notifyCheckpointComplete(long checkpointId) {
    mailbox.add(() -> {
      chain.notifyCheckpointComplete(checkpointId);
      completedCheckpoint = Math.max(completedCheckpoint, checkpointId);
      checkpointCompleted(checkpointId);
    });
  }

  /** Checkpoint {@code checkpointId} completed (after the operators heard of it). Task thread. */
  void checkpointCompleted(long checkpointId) throws Exception {}

  /**
   * Stops the task once it has run everything already in its mailbox (a stop with savepoint: the
   * savepoint's completion is delivered first). Any thread.
   */
  public void stopAfterMailbox() {
    mailbox.add(() -> {
      cancelled = true;
      throw new TaskCancelledException();
    });
  }

  /** Runs what other threads asked of the task thread. */
  final void runMailbox() throws Exception {
    Action action;
    while ((action = mailbox.poll()) != null) {
      action.run();
    }
  }

  /** Source positions, for source tasks; taken before the chain's operators. */
  List<SnapshotPart> sourceSnapshot(long checkpointId) throws Exception {
    return List.of();
  }

  /**
   * The synchronous part of a checkpoint, on the task thread. Keyed state goes into a native,
   * incremental RocksDB checkpoint when the backend offers one and {@code state.backend.incremental}
   * is on — but never for savepoints, which are canonical; otherwise the backend starts an
   * asynchronous canonical snapshot. The final snapshot ({@code target} null) holds operator state
   * only (source positions, staged sink output).
   */
  final List<SnapshotPart> snapshot(long checkpointId, CheckpointTarget target) throws Exception {
    List<SnapshotPart> parts = new ArrayList<>(sourceSnapshot(checkpointId));
    for (int i = 0; i < chain.size(); i++) {
      TaskOperatorContext ctx = contexts.get(i);
      byte[] operatorState = chain.operator(i).snapshotOperatorState(checkpointId);
      AsyncKeyedSnapshot asyncKeyed = null;
      NativeSnapshot nativeKeyed = null;
      KeyedStateBackend<?> backend = ctx.backend();
      if (backend instanceof IncrementalSnapshots incremental && target != null && !target.savepoint()
          && ctx.config().get(StateOptions.INCREMENTAL_CHECKPOINTS)) {
        nativeKeyed = incremental.snapshotNative(checkpointId);
      } else if (backend != null && target != null) {
        asyncKeyed = backend.snapshotAsync();
      }
      // The final snapshot keeps no keyed state: a task finishes only when every input has ended,
      // and behind a hash edge that means every sender has, so no row can reach this state again
      // — also not after a restore, where the sources' positions say they are done.
      parts.add(new SnapshotPart(ctx.uid, ctx.description, ctx.subtaskIndex(), ctx.parallelism(), operatorState,
          asyncKeyed, nativeKeyed));
    }
    return parts;
  }

  /** The barrier of {@code target} reached this task: snapshot, pass the barrier on, write asynchronously. */
  final void performCheckpoint(CheckpointTarget target) throws Exception {
    List<SnapshotPart> parts;
    try {
      parts = snapshot(target.checkpointId(), target);
    } catch (CheckpointNotPossibleException e) {
      // The job is fine, only this checkpoint cannot be taken: decline it, and still pass the
      // barrier on so tasks downstream do not wait for it.
      decline(target, e);
      chain.taskOutput().broadcastBarrier(target);
      return;
    } catch (RuntimeException e) {
      decline(target, e);
      throw e;
    }
    chain.taskOutput().broadcastBarrier(target);
    acknowledge(target, parts);
  }

  private void decline(CheckpointTarget target, Throwable e) {
    var coordinator = checkpoints.coordinator;
    if (coordinator != null) {
      coordinator.decline(target.checkpointId(), "task '" + name + "' failed to snapshot: " + e.getMessage());
    }
  }

  /** Writes the snapshot's files on the snapshot thread, then acknowledges. At most once per checkpoint. */
  private void acknowledge(CheckpointTarget target, List<SnapshotPart> parts) {
    synchronized (this) {
      if (target.checkpointId() <= lastAcknowledged) {
        return;
      }
      lastAcknowledged = target.checkpointId();
    }
    checkpoints.snapshotExecutor.execute(() -> {
      var coordinator = checkpoints.coordinator;
      if (coordinator == null) {
        return;
      }
      try {
        List<TaskState> states = new ArrayList<>(parts.size());
        for (SnapshotPart p : parts) {
          byte[] keyed = new byte[0];
          List<String> shared = List.of();
          if (p.asyncKeyed() != null) {
            String file = target.exclusiveDir() + "/" + p.uid() + "-" + p.subtask() + ".keyed";
            try (KeyedStateHandles.FileWriter writer = new KeyedStateHandles.FileWriter(target.root(), file)) {
              p.asyncKeyed().writeTo(writer);
              keyed = writer.finish();
            }
          } else if (p.nativeKeyed() != null) {
            String exclusive = target.exclusiveDir() + "/" + p.uid() + "-" + p.subtask() + ".rocksdb";
            java.nio.file.Files.createDirectories(target.root().resolve(exclusive));
            NativeSnapshotHandle handle = p.nativeKeyed().upload(target.root(), target.sharedDir(), exclusive);
            keyed = KeyedStateHandles.encodeNative(handle);
            shared = handle.sharedFiles();
          }
          states.add(new TaskState(p.uid(), p.description(), p.parallelism(),
              new SubtaskState(p.subtask(), keyed, p.operatorState(), shared)));
        }
        coordinator.acknowledge(target.checkpointId(), index, states);
      } catch (Exception | Error e) {
        for (SnapshotPart p : parts) {
          if (p.nativeKeyed() != null) {
            p.nativeKeyed().discard();
          }
        }
        coordinator.decline(target.checkpointId(), "task '" + name + "' could not write its state: " + e);
      }
    });
  }

  /**
   * The input has ended and the chain is finished. With checkpoints on: takes the final snapshot,
   * acknowledges the checkpoint in flight with it if the barrier never reached this task, and waits
   * for a checkpoint that holds it to complete; then tells the operators ({@link Long#MAX_VALUE}).
   */
  final void finishCheckpointing() throws Exception {
    if (!checkpoints.enabled) {
      return;
    }
    List<SnapshotPart> parts = snapshot(FINAL, null);
    synchronized (this) {
      finalSnapshot = parts;
    }
    CheckpointTarget latest = checkpoints.latestTriggered;
    long waitFor = latest == null ? 1 : latest.checkpointId() + 1;
    if (latest != null) {
      synchronized (this) {
        if (lastAcknowledged < latest.checkpointId()) {
          waitFor = latest.checkpointId();
        }
      }
      acknowledge(latest, parts);
    }
    while (completedCheckpoint < waitFor) {
      if (cancelled || Thread.currentThread().isInterrupted()) {
        throw new TaskCancelledException();
      }
      runMailbox();
      LockSupport.parkNanos(5_000_000L);
    }
    chain.notifyCheckpointComplete(FINAL);
  }

  /** True once the task's input has ended and it took its final snapshot. */
  public synchronized boolean isFinished() {
    return finalSnapshot != null;
  }

  /** Maps a task failure to the exception a user should see. */
  public static Throwable rootFailure(Throwable t) {
    return OperatorFailure.unwrap(t);
  }

  /** True for the exception a task throws when it was cancelled, not because it failed. */
  public static boolean isCancellation(Throwable t) {
    return t instanceof TaskCancelledException || t instanceof InterruptedException;
  }
}
