package io.weir.bench;

import io.weir.common.config.Configuration;
import io.weir.common.data.Row;
import io.weir.common.types.LogicalType;
import io.weir.state.BackendEnvironment;
import io.weir.state.KeyGroupRange;
import io.weir.state.KeyedStateBackend;
import io.weir.state.MapState;
import io.weir.state.MapStateDescriptor;
import io.weir.state.StateBackendKind;
import io.weir.state.StateBackends;
import io.weir.state.ValueState;
import io.weir.state.ValueStateDescriptor;
import io.weir.state.serialization.RowSerializer;
import io.weir.state.serialization.Serializers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Keyed state accesses per second through the state API itself, on the heap and on RocksDB — no
 * SQL, no runtime: what an operator pays per {@code get}/{@code put}. Keys are one-column {@link
 * Row}s of a BIGINT serialized by a {@link RowSerializer}, as a grouped aggregation's are; 128
 * key groups, all owned by the one backend.
 *
 * <p>Workloads, each on a fresh backend:
 *
 * <ul>
 *   <li>{@code value-load}: {@code put} of a Long for each of {@code keys} keys, in order — the
 *       state every other value workload starts from (not timed again there).
 *   <li>{@code value-rmw-uniform}: {@code get} then {@code put(n + 1)} of a uniformly random key,
 *       {@code ops} times: one aggregation update.
 *   <li>{@code value-rmw-hot}: the same, but 90% of accesses go to a hot set of 1% of the keys.
 *   <li>{@code map-put}, {@code map-get}: a map of 100 Long → Long entries for each of {@code
 *       keys / 100} keys; {@code put} every entry, then {@code get} {@code ops} random entries.
 * </ul>
 *
 * One op is one state call pair for rmw (a get and a put), one call otherwise.
 *
 * <p>Usage: {@code StateBenchmark [backends] [keys] [ops] [workloads] [runs]}, backends {@code
 * heap}, {@code rocksdb} or both comma-separated (default both), keys default 1,000,000, ops
 * default 5,000,000, workloads comma-separated (default all), runs of every workload default 2
 * (the first is a warm-up). Each line prints ops/s, CPU cores used,
 * peak heap and peak RSS of the process so far. RocksDB runs in a temporary directory with its
 * default options (64 MB block cache, 2 × 32 MB write buffers) unless system properties named
 * like the options say otherwise ({@code -Dstate.backend.rocksdb.block-cache-size=512mb}).
 */
public final class StateBenchmark {
  private static final int MAX_PARALLELISM = 128;
  private static final int ENTRIES_PER_MAP = 100;
  private static final List<String> WORKLOADS =
      List.of("value-load", "value-rmw-uniform", "value-rmw-hot", "map-put", "map-get");

  private StateBenchmark() {}

  public static void main(String[] args) throws IOException {
    List<String> backends = args.length > 0 && !args[0].equals("all")
        ? List.of(args[0].split(",")) : List.of("heap", "rocksdb");
    int keys = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    long ops = args.length > 2 ? Long.parseLong(args[2]) : 5_000_000L;
    List<String> workloads = args.length > 3 && !args[3].equals("all") ? List.of(args[3].split(",")) : WORKLOADS;
    int runs = args.length > 4 ? Integer.parseInt(args[4]) : 2;
    for (String w : workloads) {
      if (!WORKLOADS.contains(w)) {
        throw new IllegalArgumentException("Unknown workload '" + w + "'; known: " + WORKLOADS);
      }
    }
    if (keys < ENTRIES_PER_MAP) {
      throw new IllegalArgumentException("keys must be at least " + ENTRIES_PER_MAP + " but was " + keys);
    }
    System.out.printf("%d keys, %d ops per workload, max parallelism %d, %d runs per workload "
        + "(the first is a warm-up)%n", keys, ops, MAX_PARALLELISM, runs);
    for (String name : backends) {
      StateBackendKind kind = StateBackendKind.valueOf(name.toUpperCase(java.util.Locale.ROOT));
      for (int run = 1; run <= runs; run++) {
        for (String workload : workloads) {
          runOnFreshBackend(kind, name + " " + workload + " run " + run, workload, keys, ops);
        }
      }
    }
  }

  private static void runOnFreshBackend(StateBackendKind kind, String label, String workload, int keys, long ops)
      throws IOException {
    Path dir = Files.createTempDirectory("weir-state-bench");
    try (KeyedStateBackend<Row> backend = StateBackends.createKeyed(kind,
        new RowSerializer(List.of(LogicalType.bigint())), MAX_PARALLELISM, KeyGroupRange.all(MAX_PARALLELISM),
        new BackendEnvironment(dir, rocksDbOptions()))) {
      run(label, workload, backend, keys, ops);
    } finally {
      deleteRecursively(dir);
    }
    System.gc();
  }

  private static void run(String label, String workload, KeyedStateBackend<Row> backend, int keys, long ops) {
    switch (workload) {
      case "value-load" -> {
        ValueState<Row, Long> counts = counts(backend);
        BenchmarkReport report = new BenchmarkReport();
        load(counts, keys);
        report.print(label, keys, "ops");
      }
      case "value-rmw-uniform", "value-rmw-hot" -> {
        ValueState<Row, Long> counts = counts(backend);
        load(counts, keys);
        boolean hot = workload.endsWith("hot");
        int hotKeys = Math.max(1, keys / 100);
        SplittableRandom random = new SplittableRandom(42);
        BenchmarkReport report = new BenchmarkReport();
        for (long i = 0; i < ops; i++) {
          // Hot set: keys [0, keys/100) take 90% of the accesses.
          long k = hot && random.nextInt(10) != 0 ? random.nextInt(hotKeys) : random.nextInt(keys);
          Row key = Row.of(k);
          Long n = counts.get(key);
          counts.put(key, n == null ? 1L : n + 1);
        }
        report.print(label, ops, "ops");
      }
      case "map-put", "map-get" -> {
        MapState<Row, Long, Long> maps =
            backend.mapState(new MapStateDescriptor<>("entries", Serializers.LONG, Serializers.LONG));
        int mapKeys = keys / ENTRIES_PER_MAP;
        BenchmarkReport putReport = new BenchmarkReport();
        for (long k = 0; k < mapKeys; k++) {
          Row key = Row.of(k);
          for (long e = 0; e < ENTRIES_PER_MAP; e++) {
            maps.put(key, e, k + e);
          }
        }
        if (workload.equals("map-put")) {
          putReport.print(label, (long) mapKeys * ENTRIES_PER_MAP, "ops");
          return;
        }
        SplittableRandom random = new SplittableRandom(42);
        long found = 0;
        BenchmarkReport report = new BenchmarkReport();
        for (long i = 0; i < ops; i++) {
          if (maps.get(Row.of((long) random.nextInt(mapKeys)), (long) random.nextInt(ENTRIES_PER_MAP)) != null) {
            found++;
          }
        }
        report.print(label, ops, "ops");
        if (found != ops) {
          throw new IllegalStateException("map-get found " + found + " of " + ops + " entries it had put");
        }
      }
      default -> throw new IllegalArgumentException("Unknown workload '" + workload + "'");
    }
  }

  /**
   * RocksDB options given as system properties, e.g. {@code
   * -Dstate.backend.rocksdb.block-cache-size=512mb}; none set means the defaults.
   */
  static Configuration rocksDbOptions() {
    Configuration config = new Configuration();
    for (String name : System.getProperties().stringPropertyNames()) {
      if (name.startsWith("state.backend.rocksdb.")) {
        config.set(name, System.getProperty(name));
      }
    }
    return config;
  }

  private static ValueState<Row, Long> counts(KeyedStateBackend<Row> backend) {
    return backend.valueState(new ValueStateDescriptor<>("count", Serializers.LONG));
  }

  private static void load(ValueState<Row, Long> counts, int keys) {
    for (long k = 0; k < keys; k++) {
      counts.put(Row.of(k), 0L);
    }
  }

  /**
   * Deletes {@code path} and everything under it. Retries for a while: a cancelled job's snapshot
   * thread may still be finishing a checkpoint's files just after the job reported its end.
   */
  static void deleteRecursively(Path path) {
    for (int attempt = 1; ; attempt++) {
      if (!Files.exists(path)) {
        return;
      }
      try (Stream<Path> walk = Files.walk(path)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
        return;
      } catch (IOException | UncheckedIOException e) {
        if (attempt == 50) {
          throw new UncheckedIOException("Could not delete " + path,
              e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
        }
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
