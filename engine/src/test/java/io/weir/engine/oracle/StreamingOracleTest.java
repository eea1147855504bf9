package io.weir.engine.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.weir.common.data.Row;
import io.weir.engine.Engine;
import io.weir.engine.Session;
import io.weir.engine.StatementResult;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The correctness oracle: every streaming query's final table (its changelog applied) must equal
 * the answer of the same question asked in batch, by an independent engine (H2) or a plain Java
 * evaluation, over the same orders — at parallelism 1, 2 and 4. Event-time operators drop the
 * late rows, so their batch answers leave them out; the others count them.
 *
 * <p>The file is read by one task ({@code scan.parallelism} = 1) so that which rows are late does not
 * depend on thread timing: with more source tasks than files, the idle ones hold the watermark back
 * until they have started and finished, and a fast reader could deliver every row before any
 * watermark — correct, but then no row would be late.
 */
class StreamingOracleTest {
  private static final int ROWS = 3000;
  private static List<OrdersData.Order> orders;
  private static Path file;
  private static Connection h2;

  @BeforeAll
  static void data() throws Exception {
    orders = OrdersData.generate(ROWS);
    Path dir = Files.createTempDirectory("weir-oracle");
    file = dir.resolve("orders.json");
    OrdersData.writeJson(orders, file);
    h2 = DriverManager.getConnection("jdbc:h2:mem:oracle");
    OrdersData.load(orders, h2);
  }

  @AfterAll
  static void close() throws Exception {
    h2.close();
  }

  /** A streaming query and how to get its batch answer. */
  record Case(String name, String stream, Function<Connection, List<List<String>>> oracle) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Function<Connection, List<List<String>>> h2(String sql) {
    return c -> {
      try (var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        List<List<String>> rows = new ArrayList<>();
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<String> row = new ArrayList<>();
          for (int i = 1; i <= n; i++) {
            row.add(Changelogs.normalize(rs.getObject(i)));
          }
          rows.add(row);
        }
        return rows;
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException("oracle query failed: " + sql, e);
      }
    };
  }

  static Stream<Case> cases() {
    String onTime = " FROM orders WHERE NOT late ";
    return Stream.of(
        new Case("tumble",
            "SELECT customer, window_start, window_end, COUNT(*), SUM(amount), MAX(amount) "
                + "FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY customer, window_start, window_end",
            h2("SELECT customer, ws, ws + 10000, COUNT(*), SUM(amount), MAX(amount) FROM (SELECT customer, amount, "
                + "ts_ms - MOD(ts_ms, 10000) AS ws" + onTime + ") GROUP BY customer, ws")),
        new Case("hop",
            "SELECT window_start, COUNT(*), MIN(amount) FROM TABLE(HOP(TABLE orders, DESCRIPTOR(ts), INTERVAL '2' SECOND, "
                + "INTERVAL '10' SECOND)) GROUP BY window_start, window_end",
            h2("SELECT s, COUNT(*), MIN(amount) FROM (SELECT ts_ms - MOD(ts_ms, 2000) - k * 2000 AS s, amount "
                + "FROM orders, SYSTEM_RANGE(0, 4) r(k) WHERE NOT late) GROUP BY s")),
        new Case("cumulate",
            "SELECT window_start, window_end, COUNT(*) FROM TABLE(CUMULATE(TABLE orders, DESCRIPTOR(ts), INTERVAL '3' SECOND, "
                + "INTERVAL '9' SECOND)) GROUP BY window_start, window_end",
            h2("SELECT s, s + k * 3000, COUNT(*) FROM (SELECT ts_ms - MOD(ts_ms, 9000) AS s, ts_ms FROM orders WHERE NOT late) o, "
                + "SYSTEM_RANGE(1, 3) r(k) WHERE o.ts_ms < s + k * 3000 GROUP BY s, k")),
        new Case("legacy tumble",
            "SELECT customer, TUMBLE_START(ts, INTERVAL '10' SECOND), COUNT(*) FROM orders GROUP BY TUMBLE(ts, INTERVAL '10' SECOND), customer",
            h2("SELECT customer, ws, COUNT(*) FROM (SELECT customer, ts_ms - MOD(ts_ms, 10000) AS ws" + onTime
                + ") GROUP BY customer, ws")),
        new Case("session",
            "SELECT window_start, window_end, COUNT(*) FROM TABLE(SESSION(TABLE orders, DESCRIPTOR(ts), INTERVAL '1.5' SECOND)) "
                + "GROUP BY window_start, window_end",
            c -> sessions(1500)),
        new Case("legacy session per customer",
            "SELECT customer, SESSION_START(ts, INTERVAL '3' SECOND), SESSION_END(ts, INTERVAL '3' SECOND), COUNT(*) "
                + "FROM orders GROUP BY SESSION(ts, INTERVAL '3' SECOND), customer",
            c -> sessionsByCustomer(3000, false)),
        new Case("session table function partitioned",
            "SELECT id, window_start, window_end FROM TABLE(SESSION(TABLE orders PARTITION BY customer, DESCRIPTOR(ts), "
                + "INTERVAL '3' SECOND))",
            c -> sessionsByCustomer(3000, true)),
        new Case("group aggregate",
            "SELECT customer, COUNT(*), SUM(amount), MIN(amount), MAX(amount), AVG(amount), COUNT(DISTINCT MOD(amount, 10)) "
                + "FROM orders GROUP BY customer",
            h2("SELECT customer, COUNT(*), SUM(amount), MIN(amount), MAX(amount), SUM(amount) / COUNT(*), COUNT(DISTINCT MOD(amount, 10)) "
                + "FROM orders GROUP BY customer")),
        new Case("aggregate of an aggregate",
            "SELECT MOD(n, 7), COUNT(*), SUM(total) FROM (SELECT customer, MOD(amount, 13) AS k, COUNT(*) AS n, SUM(amount) AS total "
                + "FROM orders GROUP BY customer, MOD(amount, 13)) GROUP BY MOD(n, 7)",
            h2("SELECT MOD(n, 7), COUNT(*), SUM(total) FROM (SELECT customer, MOD(amount, 13) AS k, COUNT(*) AS n, SUM(amount) AS total "
                + "FROM orders GROUP BY customer, MOD(amount, 13)) GROUP BY MOD(n, 7)")),
        new Case("having and filter",
            "SELECT customer, COUNT(*) FILTER (WHERE amount > 1500), LISTAGG(CAST(MOD(amount, 3) AS STRING)) IS NOT NULL FROM orders "
                + "GROUP BY customer HAVING COUNT(*) > 10",
            h2("SELECT customer, COUNT(CASE WHEN amount > 1500 THEN 1 END), TRUE FROM orders GROUP BY customer HAVING COUNT(*) > 10")),
        new Case("top-3",
            "SELECT customer, amount, rn FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY customer ORDER BY amount DESC) AS rn "
                + "FROM orders) WHERE rn <= 3",
            h2("SELECT customer, amount, rn FROM (SELECT customer, amount, ROW_NUMBER() OVER (PARTITION BY customer ORDER BY amount DESC) "
                + "AS rn FROM orders) WHERE rn <= 3")),
        new Case("dedup last",
            "SELECT customer, id FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY customer ORDER BY ts DESC) AS rn FROM orders) WHERE rn = 1",
            h2("SELECT customer, id FROM (SELECT customer, id, ROW_NUMBER() OVER (PARTITION BY customer ORDER BY ts_ms DESC) AS rn "
                + "FROM orders) WHERE rn = 1")),
        new Case("window top-2",
            "SELECT window_start, customer, n FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY n DESC, s DESC) AS rn "
                + "FROM (SELECT window_start, window_end, customer, COUNT(*) AS n, SUM(amount) AS s FROM TABLE(TUMBLE(TABLE orders, "
                + "DESCRIPTOR(ts), INTERVAL '20' SECOND)) GROUP BY window_start, window_end, customer)) WHERE rn <= 2",
            h2("SELECT ws, customer, n FROM (SELECT ws, customer, n, ROW_NUMBER() OVER (PARTITION BY ws ORDER BY n DESC, s DESC) AS rn "
                + "FROM (SELECT ws, customer, COUNT(*) AS n, SUM(amount) AS s FROM (SELECT ts_ms - MOD(ts_ms, 20000) AS ws, customer, amount"
                + onTime + ") GROUP BY ws, customer)) WHERE rn <= 2")),
        new Case("over rows",
            "SELECT id, SUM(amount) OVER (PARTITION BY customer ORDER BY ts ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM orders",
            h2("SELECT id, SUM(amount) OVER (PARTITION BY customer ORDER BY ts_ms ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)" + onTime)),
        new Case("over range",
            "SELECT id, COUNT(*) OVER (PARTITION BY customer ORDER BY ts RANGE BETWEEN INTERVAL '5' SECOND PRECEDING AND CURRENT ROW) FROM orders",
            h2("SELECT id, COUNT(*) OVER (PARTITION BY customer ORDER BY ts_ms RANGE BETWEEN 5000 PRECEDING AND CURRENT ROW)" + onTime)));
  }

  /** Each case at parallelism 1, 2 and 4, and at 2 with mini-batch aggregation (batches of 7 rows). */
  static Stream<Arguments> casesAtParallelism() {
    return cases().flatMap(c -> Stream.of(Arguments.of(c, 1, false), Arguments.of(c, 2, false),
        Arguments.of(c, 4, false), Arguments.of(c, 2, true)));
  }

  @ParameterizedTest(name = "{0} at parallelism {1}, mini-batch {2}")
  @MethodSource("casesAtParallelism")
  void finalTableEqualsTheBatchAnswer(Case c, int parallelism, boolean miniBatch) throws Exception {
    List<List<String>> expected = sorted(c.oracle().apply(h2));
    assertFalse(expected.isEmpty(), "the oracle must have something to compare");
    try (Engine engine = Engine.create()) {
      Session s = engine.newSession();
      s.execute("SET 'parallelism.default' = '" + parallelism + "'");
      s.execute("SET 'pipeline.auto-watermark-interval' = '0'");
      if (miniBatch) {
        s.execute("SET 'table.exec.mini-batch.enabled' = 'true'");
        s.execute("SET 'table.exec.mini-batch.size' = '7'");
        s.execute("SET 'table.exec.mini-batch.allow-latency' = '50 ms'");
      }
      s.execute("CREATE TABLE orders (id BIGINT, customer STRING, amount INT, ts TIMESTAMP(3), "
          + "WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH ('connector' = 'filesystem', 'path' = '" + file
          + "', 'format' = 'json', 'scan.parallelism' = '1')");
      var result = (StatementResult.QueryResult) s.execute(c.stream());
      List<Row> changelog = Session.collectAll(result, Duration.ofSeconds(120));
      List<List<String>> actual = sorted(Changelogs.apply(changelog));
      if (!expected.equals(actual)) {
        List<List<String>> missing = new ArrayList<>(expected);
        actual.forEach(missing::remove);
        List<List<String>> extra = new ArrayList<>(actual);
        expected.forEach(extra::remove);
        throw new AssertionError(c.name() + " at parallelism " + parallelism + (miniBatch ? " with mini-batches" : "") + ": " + expected.size() + " rows expected, "
            + actual.size() + " produced; missing " + head(missing) + ", unexpected " + head(extra)
            + "; late rows dropped: " + result.job().metrics().lateRowsDropped());
      }
    }
  }

  private static String head(List<List<String>> rows) {
    return rows.size() <= 5 ? rows.toString() : rows.subList(0, 5) + " and " + (rows.size() - 5) + " more";
  }

  private static List<List<String>> sorted(List<List<String>> rows) {
    List<List<String>> copy = new ArrayList<>(rows);
    copy.sort((a, b) -> String.join("|", a).compareTo(String.join("|", b)));
    return copy;
  }

  /**
   * Session windows per customer by plain evaluation: per customer, the on-time rows in time order,
   * split where the gap is exceeded. Either one row per session (customer, start, end, count) or
   * one per order (id, start, end).
   */
  private static List<List<String>> sessionsByCustomer(long gap, boolean perOrder) {
    List<List<String>> rows = new ArrayList<>();
    for (String customer : OrdersData.CUSTOMERS) {
      List<OrdersData.Order> mine = orders.stream().filter(o -> !o.late() && o.customer().equals(customer))
          .sorted((a, b) -> Long.compare(a.ts(), b.ts())).toList();
      int from = 0;
      while (from < mine.size()) {
        int to = from + 1;
        long end = mine.get(from).ts() + gap;
        while (to < mine.size() && mine.get(to).ts() <= end) {
          end = Math.max(end, mine.get(to).ts() + gap);
          to++;
        }
        long start = mine.get(from).ts();
        if (perOrder) {
          for (int i = from; i < to; i++) {
            rows.add(List.of(Changelogs.normalize(mine.get(i).id()), Changelogs.normalize(start), Changelogs.normalize(end)));
          }
        } else {
          rows.add(List.of(customer, Changelogs.normalize(start), Changelogs.normalize(end), Changelogs.normalize(to - from)));
        }
        from = to;
      }
    }
    return rows;
  }

  /** Session windows by plain evaluation: sort the on-time rows, split where the gap is exceeded. */
  private static List<List<String>> sessions(long gap) {
    List<Long> times = orders.stream().filter(o -> !o.late()).map(OrdersData.Order::ts).sorted().toList();
    List<List<String>> rows = new ArrayList<>();
    long start = times.get(0);
    long last = start;
    int count = 1;
    for (int i = 1; i < times.size(); i++) {
      long t = times.get(i);
      if (t >= last + gap) {
        rows.add(List.of(Changelogs.normalize(start), Changelogs.normalize(last + gap), Changelogs.normalize(count)));
        start = t;
        count = 0;
      }
      last = Math.max(last, t);
      count++;
    }
    rows.add(List.of(Changelogs.normalize(start), Changelogs.normalize(last + gap), Changelogs.normalize(count)));
    return rows;
  }
}
