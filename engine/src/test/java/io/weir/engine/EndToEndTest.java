package io.weir.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.common.data.Row;
import io.weir.common.error.SqlException;
import io.weir.common.error.WeirException;
import io.weir.runtime.job.JobStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Statements run through a session against real connectors, from SQL text to rows. */
class EndToEndTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir Path dir;

  private static List<Row> query(Session s, String sql) throws InterruptedException {
    return Session.collectAll((StatementResult.QueryResult) s.execute(sql), TIMEOUT);
  }

  private static List<String> sorted(List<Row> rows) {
    return rows.stream().map(Row::toString).sorted().toList();
  }

  private Path writeOrders(int files, int perFile) throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    int id = 0;
    for (int f = 0; f < files; f++) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < perFile; i++, id++) {
        sb.append(String.format(
            "{\"id\": %d, \"customer\": \"c%d\", \"amount\": %d.50, \"ts\": \"2024-01-01 10:%02d:%02d\"}%n",
            id, id % 7, id % 300, (id / 60) % 60, id % 60));
      }
      Files.writeString(in.resolve("part-" + f + ".json"), sb.toString());
    }
    return in;
  }

  private static String ordersDdl(Path in) {
    return "CREATE TABLE orders (id BIGINT, customer STRING, amount DECIMAL(10, 2), ts TIMESTAMP(3), "
        + "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) "
        + "WITH ('connector' = 'filesystem', 'path' = '" + in + "', 'format' = 'json')";
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void jsonToJsonScriptWritesTheFilteredProjection(int parallelism) throws Exception {
    Path in = writeOrders(3, 200);
    Path out = dir.resolve("out");
    String script = ordersDdl(in) + ";\n"
        + "CREATE TABLE big_orders (id BIGINT, customer STRING, amount_cents BIGINT) "
        + "WITH ('connector' = 'filesystem', 'path' = '" + out + "', 'format' = 'json');\n"
        + "SET 'table.dml-sync' = 'true';\n"
        + "SET 'parallelism.default' = '" + parallelism + "';\n"
        + "INSERT INTO big_orders SELECT id, UPPER(customer), CAST(amount * 100 AS BIGINT) FROM orders WHERE amount > 250;\n";
    try (Engine engine = Engine.create()) {
      Session s = engine.newSession();
      List<StatementResult> results = new ArrayList<>();
      s.executeScript(script, results::add);
      var job = ((StatementResult.JobResult) results.get(results.size() - 1)).job();
      assertEquals(JobStatus.FINISHED, job.status());
      List<String> written = new ArrayList<>();
      try (Stream<Path> files = Files.list(out)) {
        for (Path f : files.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
          written.addAll(Files.readAllLines(f));
        }
      }
      List<String> expected = new ArrayList<>();
      for (int id = 0; id < 600; id++) {
        if (id % 300 >= 250) {
          expected.add(String.format("{\"id\":%d,\"customer\":\"C%d\",\"amount_cents\":%d}", id, id % 7, (id % 300) * 100 + 50));
        }
      }
      assertEquals(expected.stream().sorted().toList(), written.stream().sorted().toList());
    }
  }

  @Test
  void sameQueryAtParallelismOneAndFourGivesTheSameRows() throws Exception {
    Path in = writeOrders(5, 100);
    List<List<String>> answers = new ArrayList<>();
    for (int p : new int[] {1, 4}) {
      try (Engine engine = Engine.create()) {
        Session s = engine.newSession();
        s.execute("SET 'parallelism.default' = '" + p + "'");
        s.execute(ordersDdl(in));
        s.execute("CREATE TABLE seq (n BIGINT, label STRING) WITH ('connector' = 'datagen', "
            + "'fields.n.kind' = 'sequence', 'fields.n.start' = '1', 'fields.n.end' = '5000')");
        List<String> rows = new ArrayList<>(sorted(query(s,
            "SELECT id, customer, HOUR(ts) AS h FROM orders WHERE customer IN ('c1', 'c3') "
                + "UNION ALL SELECT n, 'seq', CAST(MOD(n, 24) AS BIGINT) FROM seq WHERE MOD(n, 97) = 0")));
        answers.add(rows);
      }
    }
    assertEquals(answers.get(0), answers.get(1));
    assertEquals(143 + 51, answers.get(0).size());
  }

  @Test
  void malformedJsonFailsTheJobNamingFileLineAndField() throws Exception {
    Path in = Files.createDirectories(dir.resolve("bad"));
    Files.writeString(in.resolve("a.json"),
        "{\"id\": 1, \"amount\": 10}\n{\"id\": 2, \"amount\": 20}\n{\"id\": 3, \"amount\": \"lots\"}\n");
    try (Engine engine = Engine.create()) {
      Session s = engine.newSession();
      s.execute("CREATE TABLE t (id BIGINT, amount INT) WITH ('connector' = 'filesystem', 'path' = '" + in + "', 'format' = 'json')");
      WeirException e = assertThrows(WeirException.class, () -> query(s, "SELECT * FROM t"));
      assertTrue(e.getMessage().contains(in.resolve("a.json").toString()), e.getMessage());
      assertTrue(e.getMessage().contains("line 3"), e.getMessage());
      assertTrue(e.getMessage().contains("amount"), e.getMessage());

      s.execute("CREATE TABLE lenient (id BIGINT, amount INT) WITH ('connector' = 'filesystem', 'path' = '" + in
          + "', 'format' = 'json', 'json.ignore-parse-errors' = 'true')");
      var result = (StatementResult.QueryResult) s.execute("SELECT id, amount FROM lenient");
      assertEquals(List.of("+I[1, 10]", "+I[2, 20]"), sorted(Session.collectAll(result, TIMEOUT)));
      assertEquals(1, result.job().metrics().skippedRecords());
    }
  }

  @Test
  void closingAnUnboundedQueryCancelsItsJob() throws Exception {
    try (Engine engine = Engine.create()) {
      Session s = engine.newSession();
      DemoTable.register(s);
      var result = (StatementResult.QueryResult) s.execute("SELECT order_id, amount FROM demo WHERE amount > 0");
      List<Row> first = new ArrayList<>();
      while (first.isEmpty()) {
        first.addAll(result.stream().poll(Duration.ofMillis(200)));
      }
      result.stream().close();
      assertEquals(JobStatus.CANCELED, result.job().termination().get());
    }
  }

  @Test
  void jobsCountTheRowsTheirSourcesReadAndTheirSinksWrite() throws Exception {
    try (Engine engine = Engine.create()) {
      Session s = engine.newSession();
      s.execute("SET 'parallelism.default' = '2'");
      s.execute("SET 'table.dml-sync' = 'true'");
      s.execute("CREATE TABLE seq (id BIGINT) WITH ('connector' = 'datagen', 'fields.id.kind' = 'sequence',"
          + " 'fields.id.start' = '1', 'fields.id.end' = '100')");
      s.execute("CREATE TABLE big (id BIGINT) WITH ('connector' = 'blackhole')");
      var job = ((StatementResult.JobResult) s.execute("INSERT INTO big SELECT id FROM seq WHERE id > 60")).job();
      assertEquals(100, job.metrics().rowsRead());
      assertEquals(40, job.metrics().rowsWritten());
      var jobs = (StatementResult.TableResult) s.execute("SHOW JOBS");
      Row row = jobs.rows().get(0);
      assertEquals(List.of("rows read", "rows written"), jobs.schema().names().subList(8, 10));
      assertEquals(100L, row.field(8));
      assertEquals(40L, row.field(9));
    }
  }

  @Test
  void stringLiteralsBeyondLatin1() throws Exception {
    try (Engine engine = Engine.create()) {
      var result = (StatementResult.QueryResult) engine.newSession()
          .execute("SELECT '日本語テキスト', UPPER('straße'), CHAR_LENGTH('日本'), 'ü' || '€'");
      List<Row> rows = Session.collectAll(result, java.time.Duration.ofSeconds(30));
      assertEquals(List.of(Row.of("日本語テキスト", "STRASSE", 2, "ü€")), rows);
    }
  }

  @Test
  void errorsKeepTheSessionUsable() throws Exception {
    try (Engine engine = Engine.create()) {
      Session s = engine.newSession();
      SqlException parse = assertThrows(SqlException.class, () -> s.execute("SELECT 1\nFORM t"));
      assertEquals(2, parse.line());
      WeirException connector = assertThrows(WeirException.class, () -> s.execute(
          "CREATE TABLE x (a INT) WITH ('connector' = 'nope')"));
      assertTrue(connector.getMessage().contains("Available connectors: blackhole, datagen, filesystem, kafka, nexmark, print, test-committing, upsert-kafka"),
          connector.getMessage());
      WeirException option = assertThrows(WeirException.class, () -> s.execute(
          "CREATE TABLE x (a INT) WITH ('connector' = 'datagen', 'rows-per-secnd' = '1')"));
      assertTrue(option.getMessage().contains("rows-per-secnd"), option.getMessage());
      assertTrue(option.getMessage().contains("rows-per-second"), option.getMessage());
      WeirException parallelism = assertThrows(WeirException.class, () -> s.execute(
          "CREATE TABLE p0 (a INT) WITH ('connector' = 'datagen', 'scan.parallelism' = '0')"));
      assertTrue(parallelism.getMessage().contains("'scan.parallelism' of table 'p0' must be a positive integer"),
          parallelism.getMessage());
      WeirException set = assertThrows(WeirException.class, () -> s.execute("SET 'parallelism.default' = 'four'"));
      assertEquals("Invalid value 'four' for option 'parallelism.default': expected an integer", set.getMessage());
      assertThrows(WeirException.class, () -> s.execute("SET 'table.local-time-zone' = 'Mars/Base'"));
      s.execute("CREATE TABLE gen (a INT) WITH ('connector' = 'datagen', 'number-of-rows' = '1')");
      WeirException sourceOnly = assertThrows(WeirException.class, () -> s.execute("INSERT INTO gen SELECT 1"));
      assertTrue(sourceOnly.getMessage().contains("cannot be written to"), sourceOnly.getMessage());
      WeirException unsupported = assertThrows(SqlException.class, () -> s.execute("SELECT SIN(0)"));
      assertTrue(unsupported.getMessage().contains("line 1, column 8"), unsupported.getMessage());
      assertEquals(List.of("+I[2]"), sorted(query(s, "SELECT 1 + 1")));
    }
  }

  @Test
  void firstAndLastValueAggregateInGroupBy() throws Exception {
    try (Engine engine = Engine.create()) {
      Session s = engine.newSession();
      var rows = io.weir.engine.oracle.Changelogs.apply(query(s,
          "SELECT k, FIRST_VALUE(v), LAST_VALUE(v) FROM (VALUES ('a', 1), ('a', 2), ('b', 3), ('a', 4)) AS t(k, v) GROUP BY k"));
      assertEquals(List.of(List.of("a", "1", "4"), List.of("b", "3", "3")),
          rows.stream().sorted((x, y) -> x.get(0).compareTo(y.get(0))).toList());
    }
  }

  /** Regression: grouping by window_time (to cascade windows) fell back to an updating group aggregation. */
  @Test
  void windowsCascadeOnWindowTime() throws Exception {
    Path in = writeOrders(1, 600);
    try (Engine engine = Engine.create()) {
      Session s = engine.newSession();
      s.execute(ordersDdl(in));
      s.execute("CREATE VIEW per10s AS SELECT window_start AS s10, window_time AS rowtime, COUNT(*) AS n "
          + "FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end, window_time");
      List<Row> rows = query(s, "SELECT window_start, SUM(n) FROM TABLE(TUMBLE(TABLE per10s, DESCRIPTOR(rowtime), "
          + "INTERVAL '30' SECOND)) GROUP BY window_start, window_end");
      // 600 orders one second apart from 10:00:00: twenty 30-second windows of 30 orders.
      assertEquals(20, rows.size());
      for (Row r : rows) {
        assertEquals(io.weir.common.data.RowKind.INSERT, r.kind());
        assertEquals(30, ((Number) r.field(1)).intValue(), rows.toString());
      }
    }
  }

  /** Flink's AVG over DECIMAL(p, s) widens to DECIMAL(38, max(6, s)). */
  @Test
  void averageOfDecimalsHasFlinksScale() throws Exception {
    try (Engine engine = Engine.create()) {
      Session s = engine.newSession();
      List<Row> rows = query(s, "SELECT AVG(x) FROM (VALUES (CAST(15.00 AS DECIMAL(10, 2))), (CAST(15.50 AS DECIMAL(10, 2)))) AS t(x)");
      Row last = rows.get(rows.size() - 1);
      assertEquals(new java.math.BigDecimal("15.250000"), last.field(0));
    }
  }
}
