package io.weir.bench.nexmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner behind {@code ./weir bench nexmark}: options, a run, its table, the export. */
class NexmarkBenchmarkTest {
  @TempDir Path dir;

  @Test
  void runsQueriesToTheEndAndReportsThem() {
    var options = NexmarkBenchmark.Options.parse(new String[] {
        "--queries", "q1,q5", "--events", "5000", "--parallelism", "2", "--set", "table.exec.mini-batch.size=100"});
    assertEquals(List.of("q1", "q5"), options.queries());
    var settings = options.settings(dir);
    List<NexmarkBenchmark.Result> results = options.queries().stream()
        .map(q -> NexmarkBenchmark.run(q, options, settings)).toList();
    for (var r : results) {
      assertNull(r.failure(), r.query() + " failed: " + r.failure());
      assertEquals(5000, r.events());
      assertTrue(r.seconds() > 0 && r.cpuSeconds() > 0, r.toString());
    }
    String table = NexmarkBenchmark.table(results);
    assertTrue(table.startsWith("| query | events | seconds | events/s | cores used | events/s per core | peak RSS |"), table);
    assertTrue(table.contains("| q5 | 5,000 |"), table);
  }

  @Test
  void aFailingQueryIsReportedNotThrown() {
    var options = NexmarkBenchmark.Options.parse(new String[] {
        "--queries", "q4", "--events", "100", "--set", "table.exec.mini-batch.size=0"});
    var q4 = NexmarkBenchmark.run("q4", options, options.settings(dir));
    // The planner refuses mini-batches of no rows, naming the option; the runner reports it and goes on.
    assertTrue(q4.failure() != null && q4.failure().contains("table.exec.mini-batch.size"), String.valueOf(q4.failure()));
    assertTrue(NexmarkBenchmark.table(List.of(q4)).contains("| q4 | 100 | failed: "));
  }

  @Test
  void badOptionsAreRefusedWithWhatWasWrong() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> NexmarkBenchmark.Options.parse(new String[] {"--queries", "q23"}));
    assertTrue(e.getMessage().contains("No Nexmark query 'q23'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> NexmarkBenchmark.Options.parse(new String[] {"--events", "-3"}));
    assertTrue(e.getMessage().contains("--events takes a positive number"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> NexmarkBenchmark.Options.parse(new String[] {"--state-backend", "memory"}));
    assertTrue(e.getMessage().contains("'heap' or 'rocksdb'"), e.getMessage());
  }

  @Test
  void exportWritesEachKindAsJsonLines() throws Exception {
    var options = NexmarkBenchmark.Options.parse(new String[] {"--events", "1000"});
    Path out = dir.resolve("events");
    NexmarkBenchmark.export(options.settings(dir), out);
    // The suite's proportions: of every 50 events, 1 person, 3 auctions and 46 bids.
    assertEquals(20, Files.readAllLines(out.resolve("person.jsonl")).size());
    assertEquals(60, Files.readAllLines(out.resolve("auction.jsonl")).size());
    List<String> bids = Files.readAllLines(out.resolve("bid.jsonl"));
    assertEquals(920, bids.size());
    assertTrue(bids.get(0).startsWith("{\"auction\":") && bids.get(0).contains("\"dateTime\":\"2024-01-01 00:00:00"),
        bids.get(0));
  }
}
