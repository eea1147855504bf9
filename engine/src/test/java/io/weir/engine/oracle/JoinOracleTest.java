package io.weir.engine.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.weir.common.data.Row;
import io.weir.engine.Engine;
import io.weir.engine.Session;
import io.weir.engine.StatementResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Joins checked against H2's batch answer over the same data, at parallelism 1, 2 and 4: orders
 * (with late rows, see {@link OrdersData}), customers (a bounded table without event time) and
 * payments (event-time rows 0–20 s after their order, out of order within the watermark bound).
 */
class JoinOracleTest {
  private static Path dir;
  private static Connection h2;

  @BeforeAll
  static void data() throws Exception {
    List<OrdersData.Order> orders = OrdersData.generate(2000);
    dir = Files.createTempDirectory("weir-join-oracle");
    OrdersData.writeJson(orders, dir.resolve("orders.json"));
    h2 = DriverManager.getConnection("jdbc:h2:mem:joins");
    OrdersData.load(orders, h2);
    StringBuilder customers = new StringBuilder();
    String[] names = {"ann", "bob", "cy", "dee", "zed"};
    try (var s = h2.createStatement()) {
      s.execute("CREATE TABLE customers (name VARCHAR, tier INT)");
      s.execute("CREATE TABLE payments (order_id BIGINT, paid INT, ts_ms BIGINT)");
      for (int i = 0; i < names.length; i++) {
        customers.append(String.format("{\"name\":\"%s\",\"tier\":%d}%n", names[i], i % 3));
        s.execute("INSERT INTO customers VALUES ('" + names[i] + "', " + (i % 3) + ")");
      }
    }
    Files.writeString(dir.resolve("customers.json"), customers.toString());
    Random random = new Random(7);
    List<long[]> payments = new ArrayList<>();
    for (OrdersData.Order o : orders) {
      if (!o.late() && o.id() % 3 == 0) {
        payments.add(new long[] {o.id(), o.amount() / 2, o.ts() + random.nextInt(20_000)});
      }
    }
    payments.sort((a, b) -> Long.compare(a[2], b[2]));
    StringBuilder json = new StringBuilder();
    try (var insert = h2.prepareStatement("INSERT INTO payments VALUES (?, ?, ?)")) {
      for (long[] p : payments) {
        json.append(String.format("{\"order_id\":%d,\"paid\":%d,\"ts\":\"%s\"}%n", p[0], p[1], OrdersData.timestamp(p[2])));
        insert.setLong(1, p[0]);
        insert.setInt(2, (int) p[1]);
        insert.setLong(3, p[2]);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    Files.writeString(dir.resolve("payments.json"), json.toString());

    // Tier versions: each customer's tier changes every ~97 s of event time, from before the first
    // order on; written in time order, so none is late.
    StringBuilder tiers = new StringBuilder();
    try (var s = h2.createStatement()) {
      s.execute("CREATE TABLE tiers (customer VARCHAR, tier INT, ts_ms BIGINT)");
      List<long[]> versions = new ArrayList<>();
      for (int c = 0; c < OrdersData.CUSTOMERS.length; c++) {
        for (long t = OrdersData.BASE - 10_000 + c * 13_000L; t < OrdersData.BASE + 2_100_000L; t += 97_000L) {
          versions.add(new long[] {c, (t / 1000) % 7, t});
        }
      }
      versions.sort((a, b) -> Long.compare(a[2], b[2]));
      for (long[] v : versions) {
        String customer = OrdersData.CUSTOMERS[(int) v[0]];
        tiers.append(String.format("{\"customer\":\"%s\",\"tier\":%d,\"ts\":\"%s\"}%n", customer, v[1],
            OrdersData.timestamp(v[2])));
        s.execute("INSERT INTO tiers VALUES ('" + customer + "', " + v[1] + ", " + v[2] + ")");
      }
    }
    Files.writeString(dir.resolve("tiers.json"), tiers.toString());
  }

  @AfterAll
  static void close() throws Exception {
    h2.close();
  }

  record Case(String name, String stream, String oracle) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("inner",
            "SELECT o.id, c.tier FROM orders o JOIN customers c ON o.customer = c.name WHERE o.amount > 100",
            "SELECT o.id, c.tier FROM orders o JOIN customers c ON o.customer = c.name WHERE o.amount > 100"),
        new Case("left outer",
            "SELECT c.name, o.id FROM customers c LEFT JOIN orders o ON o.customer = c.name AND o.amount < 50",
            "SELECT c.name, o.id FROM customers c LEFT JOIN orders o ON o.customer = c.name AND o.amount < 50"),
        new Case("full outer with a non-equi condition",
            "SELECT c.name, o.id FROM customers c FULL JOIN orders o ON o.customer = c.name AND c.tier > 0 AND o.amount < 30",
            // H2 has no FULL JOIN: the left join plus the right rows without a match.
            "SELECT c.name, o.id FROM customers c LEFT JOIN orders o ON o.customer = c.name AND c.tier > 0 AND o.amount < 30 "
                + "UNION ALL SELECT NULL, o.id FROM orders o WHERE NOT EXISTS (SELECT 1 FROM customers c "
                + "WHERE o.customer = c.name AND c.tier > 0 AND o.amount < 30)"),
        new Case("join then aggregate",
            "SELECT c.tier, COUNT(*), SUM(o.amount) FROM orders o JOIN customers c ON o.customer = c.name GROUP BY c.tier",
            "SELECT c.tier, COUNT(*), SUM(o.amount) FROM orders o JOIN customers c ON o.customer = c.name GROUP BY c.tier"),
        new Case("interval",
            "SELECT o.id, p.paid FROM orders o, payments p WHERE o.id = p.order_id "
                + "AND p.ts BETWEEN o.ts AND o.ts + INTERVAL '10' SECOND",
            "SELECT o.id, p.paid FROM orders o, payments p WHERE o.id = p.order_id "
                + "AND p.ts_ms BETWEEN o.ts_ms AND o.ts_ms + 10000 AND NOT o.late"),
        new Case("window",
            "SELECT l.window_start, l.n, r.n FROM (SELECT window_start, window_end, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE orders, "
                + "DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end) l JOIN (SELECT window_start, window_end, "
                + "COUNT(*) AS n FROM TABLE(TUMBLE(TABLE payments, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, "
                + "window_end) r ON l.window_start = r.window_start AND l.window_end = r.window_end",
            "SELECT l.ws, l.n, r.n FROM (SELECT ws, COUNT(*) AS n FROM (SELECT ts_ms - MOD(ts_ms, 10000) AS ws FROM orders "
                + "WHERE NOT late) GROUP BY ws) l JOIN (SELECT ws, COUNT(*) AS n FROM (SELECT ts_ms - MOD(ts_ms, 10000) AS ws "
                + "FROM payments) GROUP BY ws) r ON l.ws = r.ws"),
        new Case("temporal (the version valid at each order's time)",
            // Late orders are filtered out before the join: whether a late probe is dropped depends on
            // which input's watermark is behind, which two source tasks decide by racing.
            "SELECT o.id, t.tier FROM orders AS o JOIN tiers FOR SYSTEM_TIME AS OF o.ts AS t ON o.customer = t.customer "
                + "WHERE o.id < 100000",
            "SELECT o.id, t.tier FROM orders o JOIN tiers t ON o.customer = t.customer AND t.ts_ms = (SELECT MAX(ts_ms) "
                + "FROM tiers t2 WHERE t2.customer = o.customer AND t2.ts_ms <= o.ts_ms) WHERE o.id < 100000"),
        new Case("lookup (processing time)",
            "SELECT o.id, c.tier FROM orders_pt AS o LEFT JOIN customers FOR SYSTEM_TIME AS OF o.pt AS c ON o.customer = c.name",
            "SELECT o.id, c.tier FROM orders o LEFT JOIN customers c ON o.customer = c.name"),
        new Case("anti (NOT IN subquery)",
            "SELECT id FROM orders WHERE customer NOT IN (SELECT name FROM customers WHERE tier = 1)",
            "SELECT id FROM orders WHERE customer NOT IN (SELECT name FROM customers WHERE tier = 1)"),
        new Case("semi (IN subquery)",
            "SELECT id FROM orders WHERE customer IN (SELECT name FROM customers WHERE tier = 1)",
            "SELECT id FROM orders WHERE customer IN (SELECT name FROM customers WHERE tier = 1)"),
        new Case("exists and not exists",
            "SELECT o.id FROM orders o WHERE EXISTS (SELECT * FROM payments p WHERE p.order_id = o.id) "
                + "AND NOT EXISTS (SELECT * FROM customers c WHERE c.name = o.customer AND c.tier = 2)",
            "SELECT o.id FROM orders o WHERE EXISTS (SELECT * FROM payments p WHERE p.order_id = o.id) "
                + "AND NOT EXISTS (SELECT * FROM customers c WHERE c.name = o.customer AND c.tier = 2)"));
  }

  static Stream<Arguments> casesAtParallelism() {
    return cases().flatMap(c -> Stream.of(1, 2, 4).map(p -> Arguments.of(c, p)));
  }

  @ParameterizedTest(name = "{0} at parallelism {1}")
  @MethodSource("casesAtParallelism")
  void finalTableEqualsTheBatchAnswer(Case c, int parallelism) throws Exception {
    List<List<String>> expected = new ArrayList<>();
    try (var s = h2.createStatement(); ResultSet rs = s.executeQuery(c.oracle())) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(Changelogs.normalize(rs.getObject(i)));
        }
        expected.add(row);
      }
    }
    assertFalse(expected.isEmpty(), "the oracle must have something to compare");
    try (Engine engine = Engine.create()) {
      Session s = engine.newSession();
      s.execute("SET 'parallelism.default' = '" + parallelism + "'");
      s.execute("SET 'pipeline.auto-watermark-interval' = '0'");
      String options = "'connector' = 'filesystem', 'format' = 'json', 'scan.parallelism' = '1', 'path' = '";
      s.execute("CREATE TABLE orders (id BIGINT, customer STRING, amount INT, ts TIMESTAMP(3), "
          + "WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH (" + options + dir.resolve("orders.json") + "')");
      s.execute("CREATE TABLE payments (order_id BIGINT, paid INT, ts TIMESTAMP(3), "
          + "WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH (" + options + dir.resolve("payments.json") + "')");
      s.execute("CREATE TABLE customers (name STRING, tier INT) WITH (" + options + dir.resolve("customers.json") + "')");
      s.execute("CREATE TABLE orders_pt (id BIGINT, customer STRING, amount INT, ts TIMESTAMP(3), pt AS PROCTIME()) WITH ("
          + options + dir.resolve("orders.json") + "')");
      s.execute("CREATE TABLE tiers (customer STRING, tier INT, ts TIMESTAMP(3), PRIMARY KEY (customer) NOT ENFORCED, "
          + "WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH (" + options + dir.resolve("tiers.json") + "')");
      var result = (StatementResult.QueryResult) s.execute(c.stream());
      List<Row> changelog = Session.collectAll(result, Duration.ofSeconds(120));
      assertEquals(sorted(expected), sorted(Changelogs.apply(changelog)), c.name() + " at parallelism " + parallelism);
    }
  }

  private static List<List<String>> sorted(List<List<String>> rows) {
    List<List<String>> copy = new ArrayList<>(rows);
    copy.sort((a, b) -> String.join("|", a).compareTo(String.join("|", b)));
    return copy;
  }
}
