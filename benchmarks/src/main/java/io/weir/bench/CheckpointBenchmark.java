package io.weir.bench;

import io.weir.checkpointing.CheckpointCoordinator;
import io.weir.common.config.Configuration;
import io.weir.engine.Engine;
import io.weir.engine.Session;
import io.weir.runtime.job.Job;
import io.weir.runtime.job.JobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checkpoints of a {@link GrowingStateQuery grouped aggregation} through the whole engine, on the
 * heap, on RocksDB with full checkpoints and on RocksDB with incremental ones.
 *
 * <p>{@code CheckpointBenchmark growth [backends] [rows-per-second] [seconds]}: the generator runs
 * at a fixed rate and every row is a new key, so the state grows by {@code rows-per-second} keys
 * a second; a checkpoint is taken every second. For each completed checkpoint it prints its id,
 * the keys in the state when it started (rows the sink had counted then), its duration, its full
 * size and its incremental size ({@link CheckpointSizes}). Defaults: all three backends, 100,000
 * rows/s, 30 s.
 *
 * <p>{@code CheckpointBenchmark throughput [modes] [rows] [keys] [runs]}: {@code rows} rows as
 * fast as they can go over {@code keys} distinct keys, with checkpoints every second or without
 * ({@code heap-off}, {@code rocksdb-off}); prints rows/s, cores used, peak heap and RSS, and the
 * number of checkpoints completed (the last one holds the final state: a finished job waits for
 * it). Defaults: heap-off, heap, rocksdb-off, rocksdb-full, rocksdb-incremental; 5,000,000 rows;
 * 1,000,000 keys; 2 runs each, the first a warm-up.
 *
 * <p>Checkpoints go to a temporary engine state directory, deleted afterwards.
 */
public final class CheckpointBenchmark {
  private static final long UNBOUNDED = 1_000_000_000_000L;
  private static final long AS_FAST_AS_POSSIBLE = 1_000_000_000L;

  private CheckpointBenchmark() {}

  public static void main(String[] args) throws Exception {
    String what = args.length > 0 ? args[0] : "growth";
    switch (what) {
      case "growth" -> growth(
          list(args, 1, "heap,rocksdb-full,rocksdb-incremental"),
          args.length > 2 ? Long.parseLong(args[2]) : 100_000L,
          args.length > 3 ? Integer.parseInt(args[3]) : 30);
      case "throughput" -> throughput(
          list(args, 1, "heap-off,heap,rocksdb-off,rocksdb-full,rocksdb-incremental"),
          args.length > 2 ? Long.parseLong(args[2]) : 5_000_000L,
          args.length > 3 ? Long.parseLong(args[3]) : 1_000_000L,
          args.length > 4 ? Integer.parseInt(args[4]) : 2);
      default -> throw new IllegalArgumentException("Unknown benchmark '" + what + "'; expected growth or throughput");
    }
  }

  static List<String> list(String[] args, int index, String defaults) {
    return List.of((args.length > index && !args[index].equals("all") ? args[index] : defaults).split(","));
  }

  private static void growth(List<String> backends, long rowsPerSecond, int seconds) throws Exception {
    System.out.printf("growth: %d new keys per second for %d s, a checkpoint every second%n", rowsPerSecond, seconds);
    for (String label : backends) {
      GrowingStateQuery.Backend backend = GrowingStateQuery.Backend.of(label);
      Path stateDir = Files.createTempDirectory("weir-checkpoint-bench");
      String sink = "growth-" + label;
      try (Engine engine = Engine.create(new Configuration(), stateDir)) {
        Session s = engine.newSession();
        GrowingStateQuery.declare(s, backend, "1 s", rowsPerSecond, UNBOUNDED, 0, sink);
        CountingSinkFactory.Counter counter = CountingSinkFactory.counter(sink);
        CheckpointSizes sizes = new CheckpointSizes();
        // (wall-clock millis, rows counted then), to tell how many keys a checkpoint's state held.
        List<long[]> samples = new ArrayList<>();
        BenchmarkReport report = new BenchmarkReport();
        long start = System.currentTimeMillis();
        Job job = GrowingStateQuery.insert(s);
        long lastId = 0;
        int completed = 0;
        double totalSeconds = 0;
        while (System.currentTimeMillis() - start < seconds * 1000L && job.status() == JobStatus.RUNNING) {
          Thread.sleep(20);
          samples.add(new long[] {System.currentTimeMillis(), counter.rows()});
          for (CheckpointCoordinator.Stats stats : job.checkpointHistory()) {
            if (stats.checkpointId() <= lastId) {
              continue;
            }
            lastId = stats.checkpointId();
            completed++;
            totalSeconds += stats.durationMillis() / 1000.0;
            CheckpointSizes.Size size = sizes.measure(stats.directory());
            System.out.printf(Locale.ROOT,
                "%-20s chk=%-3d at-s=%5.1f keys=%-9d duration-ms=%-6d full-MB=%8.2f incremental-MB=%8.2f shared-files=%d%n",
                label, stats.checkpointId(), (stats.startMillis() - start) / 1000.0,
                rowsAt(samples, stats.startMillis()), stats.durationMillis(), size.fullBytes() / 1048576.0,
                size.incrementalBytes() / 1048576.0, size.sharedFiles());
          }
        }
        long rows = counter.rows();
        report.print(label + " growth", rows);
        System.out.printf(Locale.ROOT, "%-20s checkpoints completed=%d in %d s, %.0f%% of the time checkpointing, "
            + "job %s%s%n", label, completed, seconds, 100 * totalSeconds / seconds, job.status(),
            job.failure() == null ? "" : ": " + job.failure());
        job.cancel();
        job.await(Duration.ofMinutes(1));
      } finally {
        StateBenchmark.deleteRecursively(stateDir);
      }
      System.gc();
    }
  }

  /** Rows the sink had counted at {@code millis}: the last sample taken no later. */
  private static long rowsAt(List<long[]> samples, long millis) {
    long rows = 0;
    for (long[] sample : samples) {
      if (sample[0] > millis) {
        break;
      }
      rows = sample[1];
    }
    return rows;
  }

  private static void throughput(List<String> modes, long rows, long keys, int runs) throws Exception {
    System.out.printf("throughput: %d rows over %d keys, as fast as they can go, %d runs per mode "
        + "(the first is a warm-up)%n", rows, keys, runs);
    for (String mode : modes) {
      boolean off = mode.endsWith("-off");
      GrowingStateQuery.Backend backend = mode.equals("rocksdb-off") ? GrowingStateQuery.Backend.ROCKSDB_FULL
          : GrowingStateQuery.Backend.of(off ? mode.substring(0, mode.length() - 4) : mode);
      for (int run = 1; run <= runs; run++) {
        Path stateDir = Files.createTempDirectory("weir-checkpoint-bench");
        try (Engine engine = Engine.create(new Configuration(), stateDir)) {
          Session s = engine.newSession();
          s.execute("SET 'table.dml-sync' = 'true'");
          GrowingStateQuery.declare(s, backend, off ? null : "1 s", AS_FAST_AS_POSSIBLE, rows, keys,
              "throughput-" + mode + "-" + run);
          BenchmarkReport report = new BenchmarkReport();
          Job job = GrowingStateQuery.insert(s);
          report.print(mode + " run " + run, rows);
          if (job.status() != JobStatus.FINISHED) {
            throw new IllegalStateException(mode + " ended " + job.status() + ": " + job.failure());
          }
          if (!off) {
            List<CheckpointCoordinator.Stats> history = job.checkpointHistory();
            long longest = history.stream().mapToLong(CheckpointCoordinator.Stats::durationMillis).max().orElse(0);
            System.out.printf("%-28s checkpoints completed=%d longest-ms=%d%n", mode + " run " + run, history.size(),
                longest);
          }
        } finally {
          StateBenchmark.deleteRecursively(stateDir);
        }
        System.gc();
      }
    }
  }
}
