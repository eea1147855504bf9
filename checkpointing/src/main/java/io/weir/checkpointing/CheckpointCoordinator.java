package io.weir.checkpointing;

import io.weir.checkpointing.CheckpointMetadata.OperatorState;
import io.weir.checkpointing.CheckpointMetadata.SubtaskState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Drives the checkpoints of one running job: triggers them at the sources on a schedule (one at a
 * time), collects every task's acknowledgement, writes the metadata once all have acked — the
 * checkpoint is then complete and tasks are told so (sinks commit) — applies retention, and
 * aborts a checkpoint a task declined or that timed out. Savepoints go the same way, into their
 * own directory. Thread-safe: tasks acknowledge from their snapshot threads.
 *
 * <p>A task that has finished (its input ended) still acknowledges every later checkpoint, with
 * the state it finished with (see the runtime's {@code Task}).
 */
public final class CheckpointCoordinator implements AutoCloseable {

  /** The job side: how barriers are injected and how tasks hear about completion. */
  public interface Tasks {
    /** Asks every running source task to inject the barrier of {@code target}. */
    void trigger(CheckpointTarget target);

    /** The checkpoint is durable: sinks may commit what they staged for it. */
    void notifyComplete(long checkpointId);

    /** The checkpoint will never complete: tasks drop what they prepared for it. */
    void notifyAborted(long checkpointId);
  }

  /** The state one operator instance contributes to a checkpoint. */
  public record TaskState(String uid, String description, int parallelism, SubtaskState state) {}

  /** One completed checkpoint or savepoint: when it started and how long until it was complete. */
  public record Stats(long checkpointId, boolean savepoint, long startMillis, long durationMillis, java.nio.file.Path directory) {}

  /** How checkpoints are paced and kept. */
  public record Settings(Duration interval, Duration timeout, Duration minPause, int retained) {}

  private final String jobId;
  private final CheckpointStorage storage;
  private final int taskCount;
  private final int maxParallelism;
  private final Settings settings;
  private final Tasks tasks;
  private final LongSupplier clock;
  private final ScheduledExecutorService timer;
  private final List<Pending> queuedSavepoints = new ArrayList<>();
  private final java.util.ArrayDeque<Stats> history = new java.util.ArrayDeque<>();
  private long nextId;
  private Pending pending;
  private long lastEnd = Long.MIN_VALUE / 2;
  private CompletedCheckpoint latest;
  private int completedCount;
  private int abortedCount;
  private String lastFailure;
  private boolean closed;

  private static final class Pending {
    final CompletableFuture<CompletedCheckpoint> done = new CompletableFuture<>();
    final Path savepointParent;
    final Map<Integer, List<TaskState>> acks = new HashMap<>();
    CheckpointTarget target;
    long startMillis;
    ScheduledFuture<?> timeout;

    Pending(Path savepointParent) {
      this.savepointParent = savepointParent;
    }
  }

  /**
   * @param latest the checkpoint or savepoint the job was restored from, if any: ids continue after it
   */
  public CheckpointCoordinator(String jobId, CheckpointStorage storage, int taskCount, int maxParallelism,
      Settings settings, Tasks tasks, CompletedCheckpoint latest) {
    this.jobId = jobId;
    this.storage = storage;
    this.taskCount = taskCount;
    this.maxParallelism = maxParallelism;
    this.settings = settings;
    this.tasks = tasks;
    // A savepoint continues the numbering but is not used for recovery: only checkpoints are.
    this.latest = latest != null && !latest.metadata().savepoint() ? latest : null;
    this.clock = System::currentTimeMillis;
    long after = 0;
    try {
      List<Long> ids = storage.completedIds();
      after = ids.isEmpty() ? 0 : ids.get(ids.size() - 1);
    } catch (IOException e) {
      // start from the restored id
    }
    this.nextId = Math.max(after, latest == null ? 0 : latest.id()) + 1;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "weir-checkpoint-coordinator-" + jobId);
      t.setDaemon(true);
      return t;
    });
  }

  /** Starts periodic checkpoints when the interval is positive. */
  public synchronized void start() {
    long interval = settings.interval().toMillis();
    if (interval > 0 && !closed) {
      timer.scheduleWithFixedDelay(() -> triggerCheckpoint(), interval, interval, TimeUnit.MILLISECONDS);
    }
  }

  /** Triggers a checkpoint now unless one is in progress or the minimum pause has not passed. */
  public synchronized boolean triggerCheckpoint() {
    if (closed || pending != null || clock.getAsLong() - lastEnd < settings.minPause().toMillis()) {
      return false;
    }
    return begin(new Pending(null));
  }

  /**
   * Triggers a checkpoint now, ignoring the minimum pause, unless one is in progress: used when
   * every task has finished and waits for a checkpoint holding its final state.
   */
  public synchronized boolean triggerCheckpointNow() {
    if (closed || pending != null) {
      return false;
    }
    return begin(new Pending(null));
  }

  /** Takes a savepoint under {@code parent} as soon as no checkpoint is in progress. */
  public synchronized CompletableFuture<CompletedCheckpoint> triggerSavepoint(Path parent) {
    Pending p = new Pending(parent);
    if (closed) {
      p.done.completeExceptionally(new IllegalStateException("The job is no longer running"));
    } else if (pending != null) {
      queuedSavepoints.add(p);
    } else {
      begin(p);
    }
    return p.done;
  }

  private boolean begin(Pending p) {
    long id = nextId++;
    try {
      p.target = p.savepointParent == null ? storage.begin(id) : CheckpointStorage.beginSavepoint(p.savepointParent, jobId, id);
    } catch (IOException e) {
      lastFailure = "Checkpoint " + id + " could not create its directory: " + e.getMessage();
      abortedCount++;
      p.done.completeExceptionally(e);
      return false;
    }
    p.startMillis = clock.getAsLong();
    pending = p;
    p.timeout = timer.schedule(() -> abort(id, "it did not complete within " + settings.timeout()),
        settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
    CheckpointTarget target = p.target;
    // Injecting on the timer thread keeps task code out of this lock.
    timer.execute(() -> {
      tasks.trigger(target);
      synchronized (this) {
        completeIfAcked(id);
      }
    });
    return true;
  }

  /** Task {@code task} wrote its state for checkpoint {@code id}. */
  public void acknowledge(long id, int task, List<TaskState> states) {
    synchronized (this) {
      if (pending == null || pending.target.checkpointId() != id) {
        return; // an aborted checkpoint
      }
      pending.acks.put(task, states);
    }
    completeIfAcked(id);
  }

  /** A task could not take its part of checkpoint {@code id}. */
  public void decline(long id, String reason) {
    abort(id, reason);
  }

  private void completeIfAcked(long id) {
    Pending p;
    CompletedCheckpoint completed;
    synchronized (this) {
      p = pending;
      if (p == null || p.target.checkpointId() != id || p.acks.size() < taskCount || closed) {
        return;
      }
      try {
        completed = CheckpointStorage.complete(p.target, metadata(p));
        if (!p.target.savepoint()) {
          latest = completed;
          storage.retain(settings.retained());
        }
      } catch (IOException | RuntimeException e) {
        failPending(p, "its metadata could not be written: " + e);
        return;
      }
      pending = null;
      p.timeout.cancel(false);
      lastEnd = clock.getAsLong();
      completedCount++;
      history.addLast(new Stats(id, p.target.savepoint(), p.startMillis, lastEnd - p.startMillis, completed.directory()));
      if (history.size() > 100) {
        history.removeFirst();
      }
    }
    tasks.notifyComplete(id);
    p.done.complete(completed);
    startQueuedSavepoint();
  }

  private CheckpointMetadata metadata(Pending p) {
    Map<String, List<TaskState>> byUid = new LinkedHashMap<>();
    for (int task = 0; task < taskCount; task++) {
      for (TaskState s : p.acks.get(task)) {
        byUid.computeIfAbsent(s.uid(), k -> new ArrayList<>()).add(s);
      }
    }
    List<OperatorState> operators = new ArrayList<>();
    for (var e : byUid.entrySet()) {
      List<TaskState> parts = e.getValue();
      List<SubtaskState> subtasks = new ArrayList<>();
      for (TaskState s : parts) {
        if (!s.state().isEmpty()) {
          subtasks.add(s.state());
        }
      }
      if (subtasks.isEmpty()) {
        continue; // stateless: nothing to restore
      }
      subtasks.sort(Comparator.comparingInt(SubtaskState::subtask));
      operators.add(new OperatorState(e.getKey(), parts.get(0).description(), parts.get(0).parallelism(), subtasks));
    }
    return new CheckpointMetadata(p.target.checkpointId(), p.startMillis, p.target.savepoint(), maxParallelism, operators);
  }

  private void abort(long id, String reason) {
    Pending p;
    synchronized (this) {
      p = pending;
      if (p == null || p.target.checkpointId() != id) {
        return;
      }
      failPending(p, reason);
    }
    startQueuedSavepoint();
  }

  /** Called with the lock held. */
  private void failPending(Pending p, String reason) {
    pending = null;
    p.timeout.cancel(false);
    lastEnd = clock.getAsLong();
    abortedCount++;
    String what = p.target.savepoint() ? "Savepoint" : "Checkpoint";
    lastFailure = what + " " + p.target.checkpointId() + " was aborted: " + reason;
    try {
      if (p.target.savepoint()) {
        CheckpointStorage.deleteRecursively(p.target.root());
      } else {
        storage.discard(p.target);
      }
    } catch (RuntimeException e) {
      // leftovers are removed by the next retention
    }
    long id = p.target.checkpointId();
    timer.execute(() -> tasks.notifyAborted(id));
    p.done.completeExceptionally(new CheckpointException(lastFailure));
  }

  private void startQueuedSavepoint() {
    synchronized (this) {
      if (pending != null || queuedSavepoints.isEmpty()) {
        return;
      }
      Pending next = queuedSavepoints.remove(0);
      if (closed) {
        next.done.completeExceptionally(new IllegalStateException("The job is no longer running"));
        return;
      }
      begin(next);
    }
  }

  /** The latest completed checkpoint (not savepoint), or null. */
  public synchronized CompletedCheckpoint latest() {
    return latest;
  }

  /** The last (up to 100) completed checkpoints and savepoints, oldest first. */
  public synchronized List<Stats> history() {
    return List.copyOf(history);
  }

  public synchronized int completedCount() {
    return completedCount;
  }

  public synchronized int abortedCount() {
    return abortedCount;
  }

  /** Why the last checkpoint was aborted, or null. */
  public synchronized String lastFailure() {
    return lastFailure;
  }

  /** Stops triggering and aborts what is in progress. Idempotent. */
  @Override
  public void close() {
    List<Pending> toFail = new ArrayList<>();
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      if (pending != null) {
        toFail.add(pending);
        failPending(pending, "the job stopped");
      }
      toFail.addAll(queuedSavepoints);
      queuedSavepoints.clear();
    }
    for (Pending p : toFail) {
      p.done.completeExceptionally(new CheckpointException("The job stopped before the checkpoint completed"));
    }
    timer.shutdown();
  }
}
