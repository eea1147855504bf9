package io.weir.bench.nexmark;

import io.weir.bench.BenchmarkReport;
import io.weir.engine.Engine;
import io.weir.engine.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code ./weir bench nexmark}: runs Nexmark queries to the end of their generated events, one
 * after the other, each in a fresh engine, and prints a table — query, events, seconds, events/s,
 * the CPU cores the process actually used (process CPU time / wall time), events/s per core and
 * the query's peak resident memory. With {@code --export DIR} it writes the generated events as
 * JSON lines instead ({@code person.jsonl}, {@code auction.jsonl}, {@code bid.jsonl}), so another
 * engine can be fed the same input.
 */
public final class NexmarkBenchmark {
  private static final String USAGE = """
      Usage: weir bench nexmark [options]
        --queries q0,q5,...        the queries to run (default: all runnable, q0-q22 but q6)
        --events N                 events to generate per query (default 10000000)
        --parallelism P            tasks per operator (default 1)
        --state-backend heap|rocksdb   where operator state lives (default heap)
        --rate R                   events per second of event time (default 10000000, as the suite)
        --seed S                   the generator's seed (default 0)
        --work-dir DIR             where q10 writes and q13's side input goes (default: a temporary directory)
        --warmup-events N          events of an unreported q0 run first, to compile the hot code (default 1000000; 0 for none)
        --export DIR               write the events as person.jsonl, auction.jsonl, bid.jsonl into DIR
                                   and exit, running no query
        --set 'key=value'          any other engine option (repeatable), e.g. --set table.exec.mini-batch.enabled=false
      Engine options as the suite's Flink configuration sets them: mini-batch aggregation on, with
      table.exec.mini-batch.allow-latency = 2 s and table.exec.mini-batch.size = 50000.
      """;

  /** What the suite's Flink configuration (nexmark-flink conf/config.yaml) sets for table programs. */
  static final List<String> SUITE_SETTINGS = List.of(
      "table.exec.mini-batch.enabled=true",
      "table.exec.mini-batch.allow-latency=2 s",
      "table.exec.mini-batch.size=50000");

  private NexmarkBenchmark() {}

  /** The columns of the person, auction and bid views, as the exported files hold them. */
  private static final java.util.Map<String, String> EXPORTED = new java.util.LinkedHashMap<>();

  static {
    EXPORTED.put("person", "id BIGINT, name STRING, emailAddress STRING, creditCard STRING, city STRING,"
        + " state STRING, `dateTime` TIMESTAMP(3), extra STRING");
    EXPORTED.put("auction", "id BIGINT, itemName STRING, description STRING, initialBid BIGINT, reserve BIGINT,"
        + " `dateTime` TIMESTAMP(3), expires TIMESTAMP(3), seller BIGINT, category BIGINT, extra STRING");
    EXPORTED.put("bid", "auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, url STRING,"
        + " `dateTime` TIMESTAMP(3), extra STRING");
  }

  /** One query's figures. */
  record Result(String query, long events, double seconds, double cpuSeconds, long peakRssKb, String failure) {
    double eventsPerSecond() {
      return events / seconds;
    }

    double cores() {
      return cpuSeconds / seconds;
    }

    double eventsPerCoreSecond() {
      return events / cpuSeconds;
    }
  }

  /** The command line, parsed. */
  record Options(List<String> queries, long events, int parallelism, String stateBackend, long rate, long seed,
      Path workDir, Path export, List<String> settings, long warmupEvents) {

    static Options parse(String[] args) {
      List<String> queries = NexmarkQueries.runnable();
      long events = 10_000_000L;
      int parallelism = 1;
      String backend = "heap";
      long rate = 10_000_000L;
      long seed = 0;
      Path workDir = null;
      Path export = null;
      long warmup = 1_000_000L;
      List<String> settings = new ArrayList<>();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (arg.equals("-h") || arg.equals("--help")) {
          System.out.print(USAGE);
          System.exit(0);
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("'" + arg + "' needs a value");
        }
        String value = args[++i];
        switch (arg) {
          case "--queries" -> {
            queries = Arrays.stream(value.split(",")).map(String::trim).filter(q -> !q.isEmpty()).toList();
            for (String q : queries) {
              if (!NexmarkQueries.names().contains(q)) {
                throw new IllegalArgumentException("No Nexmark query '" + q + "'; there are q0 to q22");
              }
            }
          }
          case "--events" -> events = positive(arg, value);
          case "--parallelism" -> parallelism = (int) positive(arg, value);
          case "--state-backend" -> {
            if (!value.equals("heap") && !value.equals("rocksdb")) {
              throw new IllegalArgumentException("--state-backend is 'heap' or 'rocksdb', not '" + value + "'");
            }
            backend = value;
          }
          case "--rate" -> rate = positive(arg, value);
          case "--seed" -> seed = Long.parseLong(value);
          case "--work-dir" -> workDir = Path.of(value);
          case "--export" -> export = Path.of(value);
          case "--warmup-events" -> warmup = value.equals("0") ? 0 : positive(arg, value);
          case "--set" -> {
            if (!value.contains("=")) {
              throw new IllegalArgumentException("--set takes key=value, not '" + value + "'");
            }
            settings.add(value);
          }
          default -> throw new IllegalArgumentException("Unknown option '" + arg + "'\n" + USAGE);
        }
      }
      return new Options(queries, events, parallelism, backend, rate, seed, workDir, export, settings, warmup);
    }

    private static long positive(String option, String value) {
      try {
        long n = Long.parseLong(value.replace("_", ""));
        if (n > 0) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException(option + " takes a positive number, not '" + value + "'");
    }

    NexmarkQueries.Settings settings(Path dir) {
      return new NexmarkQueries.Settings(events, rate, seed, "2024-01-01 00:00:00", dir);
    }
  }

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("weir bench nexmark: " + e.getMessage());
      System.exit(2);
      return;
    }
    Path workDir = options.workDir() != null ? Files.createDirectories(options.workDir())
        : Files.createTempDirectory("weir-nexmark-");
    NexmarkQueries.Settings settings = options.settings(workDir);
    if (options.export() != null) {
      export(settings, options.export());
      return;
    }
    System.out.printf(Locale.ROOT, "Nexmark: %,d events per query, parallelism %d, state backend %s, %d cores,"
            + " Java %s, max heap %d MB%n", options.events(), options.parallelism(), options.stateBackend(),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() / 1048576);
    if (options.warmupEvents() > 0) {
      // The JIT compiles the generator, the exchange and the operators' hot paths: not measured.
      Options warmup = new Options(List.of("q0"), options.warmupEvents(), options.parallelism(),
          options.stateBackend(), options.rate(), options.seed(), workDir, null, options.settings(), 0);
      run("q0", warmup, warmup.settings(workDir));
    }
    List<Result> results = new ArrayList<>();
    for (String query : options.queries()) {
      Result r = run(query, options, settings);
      results.add(r);
      System.out.println(r.failure() == null
          ? String.format(Locale.ROOT, "%s: %,.0f events/s, %.2f cores", query, r.eventsPerSecond(), r.cores())
          : query + ": FAILED: " + r.failure());
    }
    System.out.println();
    System.out.print(table(results));
    if (options.workDir() == null) {
      deleteRecursively(workDir);
    }
    System.exit(results.stream().anyMatch(r -> r.failure() != null) ? 1 : 0);
  }

  /** Runs one query to the end of its events in a fresh engine, and measures it. */
  static Result run(String query, Options options, NexmarkQueries.Settings settings) {
    if (query.equals("q13")) {
      NexmarkQueries.writeSideInput(settings.sideInputPath());
    }
    System.gc();
    BenchmarkReport.resetPeakRss();
    long start = System.nanoTime();
    long cpuStart = BenchmarkReport.processCpuNanos();
    String failure = null;
    try (Engine engine = Engine.create()) {
      Session session = engine.newSession();
      session.execute("SET 'parallelism.default' = '" + options.parallelism() + "'");
      session.execute("SET 'state.backend' = '" + options.stateBackend() + "'");
      session.execute("SET 'table.dml-sync' = 'true'");
      List<String> settingsInOrder = new ArrayList<>(SUITE_SETTINGS);
      settingsInOrder.addAll(options.settings()); // the command line's come last and win
      for (String setting : settingsInOrder) {
        int eq = setting.indexOf('=');
        session.execute("SET '" + setting.substring(0, eq).trim() + "' = '" + setting.substring(eq + 1).trim() + "'");
      }
      session.executeScript(NexmarkQueries.script(query, settings), r -> {});
    } catch (RuntimeException e) {
      failure = String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (BenchmarkReport.processCpuNanos() - cpuStart) / 1e9;
    return new Result(query, options.events(), seconds, cpuSeconds, BenchmarkReport.peakRssKb(), failure);
  }

  /** The results as a Markdown table. */
  static String table(List<Result> results) {
    StringBuilder out = new StringBuilder();
    out.append("| query | events | seconds | events/s | cores used | events/s per core | peak RSS |\n");
    out.append("|---|---|---|---|---|---|---|\n");
    for (Result r : results) {
      if (r.failure() != null) {
        out.append(String.format(Locale.ROOT, "| %s | %,d | failed: %s | | | | |%n", r.query(), r.events(),
            r.failure().replace("|", "\\|")));
      } else {
        out.append(String.format(Locale.ROOT, "| %s | %,d | %.2f | %,.0f | %.2f | %,.0f | %d MB |%n", r.query(),
            r.events(), r.seconds(), r.eventsPerSecond(), r.cores(), r.eventsPerCoreSecond(), r.peakRssKb() / 1024));
      }
    }
    return out.toString();
  }

  /**
   * Writes the events of {@code settings} as JSON lines, one file per kind, through the engine:
   * the {@code person}, {@code auction} and {@code bid} views into {@code json} files (timestamps as
   * Flink's JSON format writes them), then each kind's files concatenated in order.
   */
  static void export(NexmarkQueries.Settings settings, Path target) throws IOException {
    Files.createDirectories(target);
    Path staging = Files.createTempDirectory(target, ".export-");
    try (Engine engine = Engine.create()) {
      Session session = engine.newSession();
      session.execute("SET 'parallelism.default' = '1'"); // one file per kind, in event order
      session.execute("SET 'table.dml-sync' = 'true'");
      session.executeScript(NexmarkQueries.ddl(settings), r -> {});
      for (var kind : EXPORTED.entrySet()) {
        session.execute("CREATE TABLE " + kind.getKey() + "_jsonl (" + kind.getValue() + ") WITH ("
            + "'connector' = 'filesystem', 'path' = '" + staging.resolve(kind.getKey()) + "', 'format' = 'json')");
        session.execute("INSERT INTO " + kind.getKey() + "_jsonl SELECT * FROM " + kind.getKey());
      }
      for (String kind : EXPORTED.keySet()) {
        Path file = target.resolve(kind + ".jsonl");
        Files.deleteIfExists(file);
        Files.createFile(file);
        try (Stream<Path> parts = Files.list(staging.resolve(kind))) {
          for (Path part : parts.filter(p -> !p.getFileName().toString().startsWith("."))
              .sorted(Comparator.comparing(Path::toString)).toList()) {
            Files.write(file, Files.readAllBytes(part), java.nio.file.StandardOpenOption.APPEND);
          }
        }
        System.out.println("wrote " + file + " (" + lineCount(file) + " events)");
      }
    } finally {
      deleteRecursively(staging);
    }
  }

  private static long lineCount(Path file) throws IOException {
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return lines.count();
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
