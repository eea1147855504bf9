package io.weir.bench;

import io.weir.checkpointing.CheckpointCoordinator;
import io.weir.checkpointing.CheckpointStorage;
import io.weir.checkpointing.CompletedCheckpoint;
import io.weir.common.config.Configuration;
import io.weir.engine.Engine;
import io.weir.engine.Session;
import io.weir.runtime.job.Job;
import io.weir.runtime.job.JobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * How long a {@link GrowingStateQuery grouped aggregation} takes to come back from a checkpoint,
 * by state size and backend.
 *
 * <p>For each backend and state size {@code n}: a job runs as fast as it can until the sink has
 * counted {@code n} rows — {@code n} keys, each row being a new key — then takes a checkpoint
 * and is cancelled. In a second engine the same INSERT starts from that checkpoint ({@code SET
 * 'execution.savepoint.path'}); it prints the time from submitting the INSERT to the first row
 * reaching the sink (planning, building the tasks, restoring the state: the aggregation emits
 * nothing before its state is back), and the duration of the first checkpoint taken after that
 * and the bytes it wrote that the restored checkpoint did not hold.
 * Checkpoints are triggered by the benchmark (the interval is an hour), so none starts by chance.
 *
 * <p>Usage: {@code RecoveryBenchmark [backends] [sizes]}, sizes comma-separated key counts.
 * Defaults: heap, rocksdb-full, rocksdb-incremental; 1,000,000 and 4,000,000 keys.
 */
public final class RecoveryBenchmark {
  private static final long UNBOUNDED = 1_000_000_000_000L;
  private static final long AS_FAST_AS_POSSIBLE = 1_000_000_000L;
  private static final Duration WAIT = Duration.ofMinutes(3);

  private RecoveryBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<String> backends = CheckpointBenchmark.list(args, 0, "heap,rocksdb-full,rocksdb-incremental");
    List<String> sizes = CheckpointBenchmark.list(args, 1, "1000000,4000000");
    System.out.println("recovery: fill the state, checkpoint, cancel, restore in a new engine");
    for (String size : sizes) {
      for (String label : backends) {
        recover(GrowingStateQuery.Backend.of(label), Long.parseLong(size));
        System.gc();
      }
    }
  }

  private static void recover(GrowingStateQuery.Backend backend, long keys) throws Exception {
    String label = backend.label();
    Path first = Files.createTempDirectory("weir-recovery-bench");
    Path second = Files.createTempDirectory("weir-recovery-bench");
    try {
      String sink = "fill-" + label + "-" + keys;
      CompletedCheckpoint checkpoint;
      long filled;
      CheckpointCoordinator.Stats taken;
      try (Engine engine = Engine.create(new Configuration(), first)) {
        Session s = engine.newSession();
        GrowingStateQuery.declare(s, backend, "1 h", AS_FAST_AS_POSSIBLE, UNBOUNDED, 0, sink);
        CountingSinkFactory.Counter counter = CountingSinkFactory.counter(sink);
        Job job = GrowingStateQuery.insert(s);
        await(() -> counter.rows() >= keys, job, "fill " + keys + " keys");
        filled = counter.rows();
        taken = checkpoint(job);
        // Not job.lastCheckpoint(): the history shows a checkpoint a moment before that does.
        checkpoint = CheckpointStorage.load(taken.directory());
        job.cancel();
        job.await(WAIT);
      }
      System.gc();
      CheckpointSizes sizes = new CheckpointSizes();
      CheckpointSizes.Size size = sizes.measure(checkpoint.directory());

      String restoredSink = "restored-" + label + "-" + keys;
      try (Engine engine = Engine.create(new Configuration(), second)) {
        Session s = engine.newSession();
        GrowingStateQuery.declare(s, backend, "1 h", AS_FAST_AS_POSSIBLE, UNBOUNDED, 0, restoredSink);
        s.execute("SET 'execution.savepoint.path' = '" + checkpoint.directory() + "'");
        CountingSinkFactory.Counter counter = CountingSinkFactory.counter(restoredSink);
        long submitted = System.nanoTime();
        Job job = GrowingStateQuery.insert(s);
        long returned = System.nanoTime();
        await(() -> counter.firstRowNanos() != 0, job, "the first row after restoring");
        long firstRow = counter.firstRowNanos();
        CheckpointCoordinator.Stats after = checkpoint(job);
        // Incremental against the checkpoint it restored from: what the restored job wrote anew.
        CheckpointSizes.Size afterSize = sizes.measure(after.directory());
        System.out.printf(Locale.ROOT,
            "%-20s keys=%-9d checkpoint-MB=%7.1f checkpoint-ms=%-6d submit-ms=%-5d restore-to-first-row-ms=%-6d "
                + "next-checkpoint-ms=%-6d next-checkpoint-new-MB=%.1f%n",
            label, filled, size.fullBytes() / 1048576.0, taken.durationMillis(), (returned - submitted) / 1_000_000,
            (firstRow - submitted) / 1_000_000, after.durationMillis(), afterSize.incrementalBytes() / 1048576.0);
        job.cancel();
        job.await(WAIT);
      }
    } finally {
      StateBenchmark.deleteRecursively(first);
      StateBenchmark.deleteRecursively(second);
    }
  }

  /** Triggers a checkpoint of {@code job} and waits until it completes. */
  private static CheckpointCoordinator.Stats checkpoint(Job job) throws InterruptedException {
    int before = job.checkpointHistory().size();
    await(job::triggerCheckpoint, job, "a checkpoint to start");
    await(() -> job.checkpointHistory().size() > before, job, "the checkpoint to complete");
    List<CheckpointCoordinator.Stats> history = job.checkpointHistory();
    return history.get(history.size() - 1);
  }

  private static void await(BooleanSupplier condition, Job job, String what) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (job.status() != JobStatus.RUNNING) {
        throw new IllegalStateException("Job ended " + job.status() + " while waiting for " + what + ": "
            + job.failure());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Waited " + WAIT + " for " + what);
      }
      Thread.sleep(5);
    }
  }
}
