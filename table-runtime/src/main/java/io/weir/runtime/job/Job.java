package io.weir.runtime.job;

import io.weir.common.config.Configuration;
import io.weir.common.plan.StreamGraph;
import io.weir.runtime.task.JobMetrics;
import io.weir.runtime.task.Task;
import io.weir.runtime.task.TaskBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A running {@link StreamGraph}: one thread per task. The first task failure fails the job and
 * stops the other tasks; {@link #cancel()} stops them all. Thread-safe.
 */
public final class Job {
  private final String id;
  private final String name;
  private final Instant startTime = Instant.now();
  private final JobMetrics metrics = new JobMetrics();
  private final Map<String, ResultCollector> collectors = new LinkedHashMap<>();
  private final CompletableFuture<JobStatus> termination = new CompletableFuture<>();
  private final List<Thread> threads = new ArrayList<>();
  private final List<Task> tasks;
  private final AtomicInteger running;
  private volatile JobStatus status = JobStatus.CREATED;
  private volatile Throwable failure;

  private Job(String id, String name, StreamGraph graph, Configuration config,
      Function<String, ResultCollector> results) {
    this.id = id;
    this.name = name;
    Function<String, ResultCollector> recording = resultId -> {
      synchronized (collectors) {
        return collectors.computeIfAbsent(resultId, results);
      }
    };
    this.tasks = new TaskBuilder(name, graph, config, recording, metrics).build();
    this.running = new AtomicInteger(tasks.size());
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
    Job job = new Job(id, name, graph, config, results);
    job.startThreads();
    return job;
  }

  private void startThreads() {
    status = JobStatus.RUNNING;
    if (tasks.isEmpty()) {
      finishIfDone();
      return;
    }
    for (Task task : tasks) {
      Thread t = new Thread(() -> runTask(task), "weir-" + id + "-" + task.name());
      t.setDaemon(true);
      threads.add(t);
    }
    threads.forEach(Thread::start);
  }

  private void runTask(Task task) {
    try {
      task.run();
    } catch (Throwable t) {
      // A task stopped by cancel() throws on its way out; only a real failure fails the job, and
      // fail() ignores anything once the job is no longer running.
      if (!Task.isCancellation(t)) {
        fail(task, Task.rootFailure(t));
      }
    } finally {
      try {
        task.close();
      } catch (Throwable t) {
        if (status == JobStatus.RUNNING) {
          fail(task, t);
        }
      }
      if (running.decrementAndGet() == 0) {
        finishIfDone();
      }
    }
  }

  private void fail(Task task, Throwable cause) {
    synchronized (this) {
      if (status != JobStatus.RUNNING) {
        return;
      }
      failure = new JobFailedException(
          "Job '" + name + "' failed in task '" + task.name() + "': " + message(cause), cause);
      status = JobStatus.FAILED;
    }
    stopTasks();
  }

  private static String message(Throwable t) {
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m;
  }

  /** Stops every task; the job ends as CANCELED unless it already ended. */
  public void cancel() {
    synchronized (this) {
      if (status.isTerminal() || status == JobStatus.CANCELED) {
        return;
      }
      if (status == JobStatus.RUNNING) {
        status = JobStatus.CANCELED;
        failure = new CancellationException("Job '" + name + "' was cancelled");
      }
    }
    stopTasks();
    if (tasks.isEmpty()) {
      finishIfDone();
    }
  }

  private void stopTasks() {
    for (Task t : tasks) {
      t.cancel();
    }
    for (Thread t : threads) {
      t.interrupt();
    }
  }

  private void finishIfDone() {
    JobStatus end;
    synchronized (this) {
      if (status == JobStatus.RUNNING) {
        status = JobStatus.FINISHED;
      }
      end = status;
    }
    if (end != JobStatus.FINISHED) {
      List<ResultCollector> toFail;
      synchronized (collectors) {
        toFail = new ArrayList<>(collectors.values());
      }
      toFail.forEach(c -> c.fail(failure));
    }
    termination.complete(end);
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

  /** Why the job failed or was cancelled, or null. */
  public Throwable failure() {
    return failure;
  }

  public JobMetrics metrics() {
    return metrics;
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
