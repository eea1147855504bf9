package io.weir.runtime.job;

import io.weir.checkpointing.CheckpointCoordinator;
import io.weir.checkpointing.CheckpointOptions;
import io.weir.checkpointing.CheckpointStorage;
import io.weir.checkpointing.CheckpointTarget;
import io.weir.checkpointing.CompletedCheckpoint;
import io.weir.common.config.Configuration;
import io.weir.common.config.CoreOptions;
import io.weir.common.plan.CollectSpec;
import io.weir.common.plan.StreamGraph;
import io.weir.runtime.task.JobMetrics;
import io.weir.runtime.task.Task;
import io.weir.runtime.task.TaskBuilder;
import io.weir.runtime.task.TaskCheckpoints;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A running {@link StreamGraph}: one thread per task. Thread-safe.
 *
 * <p>A job that writes to tables (no query result) has a {@link CheckpointCoordinator}: periodic
 * checkpoints when {@code execution.checkpointing.interval} is set, and savepoints on demand. When
 * a task fails and checkpoints are on, the restart strategy ({@code restart-strategy.*}) stops
 * every task and, after the delay, starts them again from the latest completed checkpoint — a new
 * <em>attempt</em> of the same job. Otherwise the first task failure fails the job. {@link
 * #cancel()} stops it.
 */
public final class Job {
  private final String id;
  private final String name;
  private final StreamGraph graph;
  private final Configuration config;
  private final Function<String, ResultCollector> results;
  private final Instant startTime = Instant.now();
  private final JobMetrics metrics = new JobMetrics();
  private final Map<String, ResultCollector> collectors = new LinkedHashMap<>();
  private final CompletableFuture<JobStatus> termination = new CompletableFuture<>();
  private final boolean checkpointable;
  private final boolean periodicCheckpoints;
  private final CheckpointStorage storage;
  private final CompletedCheckpoint initialRestore;
  private final ExecutorService snapshotThreads;
  private volatile JobStatus status = JobStatus.CREATED;
  private volatile Throwable failure;
  private volatile Attempt current;
  private volatile CompletedCheckpoint lastCheckpoint;
  /** Set once a finished job deleted its checkpoints. */
  private volatile boolean discarded;
  private int restarts;
  private boolean stoppingWithSavepoint;

  /** One run of the job's tasks; a restart makes a new one. */
  private final class Attempt {
    final List<Task> tasks;
    final List<Thread> threads = new ArrayList<>();
    final AtomicInteger running;
    final TaskCheckpoints checkpoints;
    final CheckpointCoordinator coordinator;

    Attempt(CompletedCheckpoint restore) {
      this.checkpoints = new TaskCheckpoints(periodicCheckpoints, config.get(CheckpointOptions.MODE)
          == CheckpointOptions.Mode.EXACTLY_ONCE, restore, snapshotThreads == null ? Runnable::run : snapshotThreads);
      Function<String, ResultCollector> recording = resultId -> {
        synchronized (collectors) {
          return collectors.computeIfAbsent(resultId, results);
        }
      };
      this.tasks = new TaskBuilder(name, graph, config, recording, metrics, checkpoints).build();
      this.running = new AtomicInteger(tasks.size());
      if (checkpointable) {
        CheckpointCoordinator.Settings settings = new CheckpointCoordinator.Settings(
            config.get(CheckpointOptions.INTERVAL), config.get(CheckpointOptions.TIMEOUT),
            config.get(CheckpointOptions.MIN_PAUSE), config.get(CheckpointOptions.NUM_RETAINED));
        this.coordinator = new CheckpointCoordinator(id, storage, tasks.size(), config.get(CoreOptions.MAX_PARALLELISM),
            settings, new CheckpointCoordinator.Tasks() {
              @Override
              public void trigger(CheckpointTarget target) {
                checkpoints.triggered(target);
                tasks.forEach(t -> t.triggerCheckpoint(target));
              }

              @Override
              public void notifyComplete(long checkpointId) {
                CompletedCheckpoint latest = coordinator().latest();
                if (latest != null) {
                  lastCheckpoint = latest;
                }
                tasks.forEach(t -> t.notifyCheckpointComplete(checkpointId));
              }

              @Override
              public void notifyAborted(long checkpointId) {}
            }, restore);
        checkpoints.setCoordinator(coordinator);
      } else {
        this.coordinator = null;
      }
    }

    CheckpointCoordinator coordinator() {
      return coordinator;
    }

    void start() {
      for (Task task : tasks) {
        Thread t = new Thread(() -> runTask(this, task), "weir-" + id + "-" + task.name());
        t.setDaemon(true);
        threads.add(t);
      }
      // The coordinator first: a task failing at once stops it, which must find it started.
      if (coordinator != null) {
        coordinator.start();
      }
      threads.forEach(Thread::start);
      if (coordinator != null) {
        if (periodicCheckpoints) {
          Thread finisher = new Thread(this::triggerFinalCheckpoint, "weir-" + id + "-final-checkpoint");
          finisher.setDaemon(true);
          finisher.start();
        }
      }
    }

    /**
     * Finished tasks wait for a checkpoint holding their final state; once all have finished there
     * is nothing left to wait for, so trigger one right away rather than at the next interval.
     */
    private void triggerFinalCheckpoint() {
      while (running.get() > 0 && current == this) {
        if (tasks.stream().allMatch(Task::isFinished)) {
          coordinator.triggerCheckpointNow();
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void stop() {
      if (coordinator != null) {
        coordinator.close();
      }
      for (Task t : tasks) {
        t.cancel();
      }
      for (Thread t : threads) {
        t.interrupt();
      }
    }

    void awaitThreads() throws InterruptedException {
      for (Thread t : threads) {
        t.join();
      }
    }
  }

  private Job(String id, String name, StreamGraph graph, Configuration config,
      Function<String, ResultCollector> results, Path checkpointRoot, CompletedCheckpoint restore) {
    this.id = id;
    this.name = name;
    this.graph = graph;
    this.config = config;
    this.results = results;
    this.initialRestore = restore;
    this.checkpointable = graph.nodes().stream().noneMatch(n -> n.spec() instanceof CollectSpec);
    this.periodicCheckpoints = checkpointable && config.get(CheckpointOptions.INTERVAL).toMillis() > 0;
    this.storage = checkpointable ? new CheckpointStorage(checkpointDirectory(config, checkpointRoot, id)) : null;
    this.snapshotThreads = checkpointable ? Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "weir-" + id + "-snapshots");
      t.setDaemon(true);
      return t;
    }) : null;
    this.current = new Attempt(restore);
  }

  /**
   * Where job {@code jobId} keeps its checkpoints: under {@code execution.checkpointing.dir} if set,
   * else under {@code defaultRoot} (a temporary directory when null).
   */
  public static Path checkpointDirectory(Configuration config, Path defaultRoot, String jobId) {
    String configured = config.get(CheckpointOptions.DIRECTORY);
    Path root = !configured.isEmpty() ? Path.of(configured)
        : defaultRoot != null ? defaultRoot : Path.of(System.getProperty("java.io.tmpdir"), "weir-checkpoints");
    return root.resolve(jobId);
  }

  /**
   * Builds the tasks of {@code graph} and starts them.
   *
   * @param results resolves the {@link ResultCollector} of each collect operator by result id
   * @throws RuntimeException when the graph cannot be built (e.g. a connector rejects its options);
   *     nothing was started then
   */
  public static Job start(String id, String name, StreamGraph graph, Configuration config,
      Function<String, ResultCollector> results) {
    return start(id, name, graph, config, results, null, null);
  }

  /**
   * Builds the tasks of {@code graph}, restoring them from {@code restore} when given, and starts
   * them.
   *
   * @param checkpointRoot where checkpoints go when {@code execution.checkpointing.dir} is not set
   *     (null: a temporary directory); the job writes into its own subdirectory, named by its id
   * @throws RuntimeException when the graph cannot be built or cannot take the restored state
   */
  public static Job start(String id, String name, StreamGraph graph, Configuration config,
      Function<String, ResultCollector> results, Path checkpointRoot, CompletedCheckpoint restore) {
    Job job = new Job(id, name, graph, config, results, checkpointRoot, restore);
    job.status = JobStatus.RUNNING;
    if (job.current.tasks.isEmpty()) {
      job.finishIfDone(job.current);
    } else {
      job.current.start();
    }
    return job;
  }

  private void runTask(Attempt attempt, Task task) {
    try {
      task.run();
    } catch (Throwable t) {
      // A task stopped by cancel() throws on its way out; only a real failure fails the job, and
      // failures of an attempt that is being replaced are ignored.
      if (!Task.isCancellation(t)) {
        taskFailed(attempt, task, Task.rootFailure(t));
      }
    } finally {
      try {
        task.close();
      } catch (Throwable t) {
        if (status == JobStatus.RUNNING && !Task.isCancellation(t)) {
          taskFailed(attempt, task, t);
        }
      }
      if (attempt.running.decrementAndGet() == 0) {
        finishIfDone(attempt);
      }
    }
  }

  private void taskFailed(Attempt attempt, Task task, Throwable cause) {
    boolean restart;
    synchronized (this) {
      if (status != JobStatus.RUNNING || attempt != current) {
        return;
      }
      String message = "Job '" + name + "' failed in task '" + task.name() + "': " + message(cause);
      restart = periodicCheckpoints
          && config.get(CheckpointOptions.RESTART_STRATEGY) == CheckpointOptions.RestartStrategy.FIXED_DELAY
          && restarts < config.get(CheckpointOptions.RESTART_ATTEMPTS);
      if (restart) {
        restarts++;
        status = JobStatus.RESTARTING;
        failure = new JobFailedException(message + " (restarting from the latest checkpoint, attempt " + restarts
            + " of " + config.get(CheckpointOptions.RESTART_ATTEMPTS) + ")", cause);
      } else {
        status = JobStatus.FAILED;
        failure = new JobFailedException(message + (restarts > 0 ? " (after " + restarts + " restarts)" : ""), cause);
      }
    }
    attempt.stop();
    if (restart) {
      Thread restarter = new Thread(() -> restart(attempt), "weir-" + id + "-restart");
      restarter.setDaemon(true);
      restarter.start();
    }
  }

  private void restart(Attempt failed) {
    try {
      failed.awaitThreads();
      Thread.sleep(config.get(CheckpointOptions.RESTART_DELAY).toMillis());
      synchronized (this) {
        if (status != JobStatus.RESTARTING) {
          return;
        }
        CompletedCheckpoint latest = failed.coordinator.latest();
        Attempt next = new Attempt(latest != null ? latest : initialRestore);
        current = next;
        status = JobStatus.RUNNING;
        next.start();
      }
    } catch (Throwable t) {
      synchronized (this) {
        if (status != JobStatus.RESTARTING) {
          return;
        }
        status = JobStatus.FAILED;
        failure = new JobFailedException("Job '" + name + "' could not restart: " + message(t), t);
      }
      finishIfDone(failed);
    }
  }

  private static String message(Throwable t) {
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m;
  }

  /** Stops every task; the job ends as CANCELED unless it already ended. */
  public void cancel() {
    Attempt attempt;
    synchronized (this) {
      if (status.isTerminal()) {
        return;
      }
      status = JobStatus.CANCELED;
      failure = new CancellationException("Job '" + name + "' was cancelled");
      attempt = current;
    }
    attempt.stop();
    if (attempt.tasks.isEmpty() || attempt.running.get() == 0) {
      finishIfDone(attempt);
    }
  }

  /**
   * Takes a savepoint under {@code directory}, then stops the job: sources stop right after their
   * barrier, so nothing is emitted that the savepoint does not hold, and sinks commit what they
   * staged for it. The job ends as FINISHED.
   *
   * @return the savepoint; fails if it could not be taken (the job then keeps running)
   */
  public CompletableFuture<CompletedCheckpoint> stopWithSavepoint(Path directory) {
    Attempt attempt = current;
    if (attempt.coordinator == null || status != JobStatus.RUNNING) {
      return CompletableFuture.failedFuture(new IllegalStateException(attempt.coordinator == null
          ? "Job '" + id + "' returns a query result; only INSERT jobs take savepoints"
          : "Job '" + id + "' is " + status + ", not RUNNING"));
    }
    attempt.checkpoints.stopAfterSavepoint(true);
    return attempt.coordinator.triggerSavepoint(directory).whenComplete((savepoint, error) -> {
      if (error != null) {
        attempt.checkpoints.stopAfterSavepoint(false);
        return;
      }
      synchronized (this) {
        if (status == JobStatus.RUNNING && current == attempt) {
          stoppingWithSavepoint = true;
        }
      }
      // Tasks run their mailbox in order: the completion notification (sinks commit) comes first.
      attempt.tasks.forEach(Task::stopAfterMailbox);
    });
  }

  private void finishIfDone(Attempt attempt) {
    JobStatus end;
    synchronized (this) {
      if (attempt != current || status == JobStatus.RESTARTING) {
        return;
      }
      if (status == JobStatus.RUNNING) {
        status = JobStatus.FINISHED;
      }
      if (stoppingWithSavepoint && status == JobStatus.FINISHED) {
        failure = null;
      }
      end = status;
    }
    if (attempt.coordinator != null) {
      attempt.coordinator.close();
    }
    if (snapshotThreads != null) {
      // Snapshots still being written finish (their checkpoint is aborted) before the job ends, so
      // nothing writes into its checkpoint directory afterwards.
      snapshotThreads.shutdown();
      try {
        snapshotThreads.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (end != JobStatus.FINISHED) {
      List<ResultCollector> toFail;
      synchronized (collectors) {
        toFail = new ArrayList<>(collectors.values());
      }
      toFail.forEach(c -> c.fail(failure));
    }
    termination.complete(end);
    // A finished job's checkpoints can only restart work that is done: delete them. Those of a
    // cancelled or failed job stay, to be restored with 'execution.savepoint.path'. (Listeners of
    // termination, e.g. the engine forgetting the job, have run by now.)
    if (end == JobStatus.FINISHED && storage != null) {
      try {
        discarded = true;
        lastCheckpoint = null;
        storage.discardAll();
      } catch (RuntimeException e) {
        // leftovers are harmless
      }
    }
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public Instant startTime() {
    return startTime;
  }

  public JobStatus status() {
    return status;
  }

  /** Why the job failed or was cancelled (or, while restarting, why it restarts), or null. */
  public Throwable failure() {
    return failure;
  }

  public JobMetrics metrics() {
    return metrics;
  }

  /** How often the job restarted after a failure. */
  public synchronized int restarts() {
    return restarts;
  }

  /** The latest completed checkpoint of this job, or null. */
  public CompletedCheckpoint lastCheckpoint() {
    Attempt attempt = current;
    CompletedCheckpoint latest = attempt.coordinator == null ? null : attempt.coordinator.latest();
    return latest != null && storage != null && !discarded ? latest : lastCheckpoint;
  }

  /** The latest completed checkpoints of the current run (up to 100), oldest first; empty without a coordinator. */
  public List<io.weir.checkpointing.CheckpointCoordinator.Stats> checkpointHistory() {
    Attempt attempt = current;
    return attempt.coordinator == null ? List.of() : attempt.coordinator.history();
  }

  /** Where this job's checkpoints go, or null for a job that returns a query result. */
  public Path checkpointDirectory() {
    return storage == null ? null : storage.jobDirectory();
  }

  /** Triggers a checkpoint now (for tests and tools); false when one is in progress or there is no coordinator. */
  public boolean triggerCheckpoint() {
    Attempt attempt = current;
    return attempt.coordinator != null && attempt.coordinator.triggerCheckpoint();
  }

  /** Completes with the final status once every task has stopped. */
  public CompletableFuture<JobStatus> termination() {
    return termination;
  }

  /**
   * Waits until the job ends.
   *
   * @return the final status, or null when {@code timeout} passed first
   */
  public JobStatus await(Duration timeout) throws InterruptedException {
    try {
      return termination.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return null;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }
}
