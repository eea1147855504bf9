package io.weir.bench.nexmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.common.data.Row;
import io.weir.engine.Engine;
import io.weir.engine.Session;
import io.weir.engine.StatementResult;
import io.weir.engine.oracle.Changelogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every runnable Nexmark query of the suite ({@link NexmarkQueries}, as published, at parallelism
 * 2) over {@value #EVENTS} generated events: its final result (the changelog applied) equals a
 * batch oracle's answer over the same events.
 *
 * <p>The events reach the oracle through plain projections of the {@code person}, {@code auction}
 * and {@code bid} views (no window, join, aggregate or rank of Weir's), into H2. The oracle is H2
 * with each query rewritten in plain SQL (hop windows as a join with the five window offsets,
 * tumbling windows by {@code ts - MOD(ts, size)}), or plain Java over the exported events where
 * SQL cannot say it (sessions, q10's files, q21's and q22's URL parsing, done by hand rather than by
 * regular expression).
 *
 * <p>Determinism: each generator emits its events in event-time order and the watermark trails by
 * 4 s, so no row is late and event-time results are exact. Where a query breaks ties arbitrarily
 * (Top-N, last row per key), the comparison uses columns ties cannot change (the prices and their
 * ranks; the key and its latest time). q12 and q13 run on processing time: for q12 only what is
 * independent of the wall clock is checked (the counts per bidder, summed over its windows, and
 * the windows' shape); q13's side input is static, so its join result is exact.
 *
 * <p>The base time is 15 s before midnight, so the day and minute columns of q10 and q15–q17
 * take two values each.
 *
 * <p>Other set-ups, by system property: {@code -Dnexmark.oracle.parallelism=4}, {@code
 * -Dnexmark.oracle.set='state.backend=rocksdb'} or the runner's mini-batch settings ({@code
 * table.exec.mini-batch.enabled=true;table.exec.mini-batch.allow-latency=2 s;…}). All passed at
 * parallelism 1, 2 and 4, on RocksDB, and with mini-batches when this was written.
 */
class NexmarkOracleTest {
  private static final long EVENTS = 30_000;
  /** 2 by default; {@code -Dnexmark.oracle.parallelism=4} tries another. */
  private static final int PARALLELISM = Integer.getInteger("nexmark.oracle.parallelism", 2);
  /**
   * What the queries run with besides the parallelism: the heap backend by default; {@code
   * -Dnexmark.oracle.set='state.backend=rocksdb;table.exec.mini-batch.enabled=true'} tries others.
   */
  private static final List<String> SETTINGS =
      Arrays.stream(System.getProperty("nexmark.oracle.set", "state.backend=heap").split(";"))
          .filter(kv -> !kv.isBlank())
          .map(kv -> "SET '" + kv.substring(0, kv.indexOf('=')).strip() + "' = '" + kv.substring(kv.indexOf('=') + 1).strip() + "'")
          .toList();
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

  @TempDir static Path dir;

  private static NexmarkQueries.Settings settings;
  private static Connection h2;
  private static List<Bid> bids;

  /** The bid columns the Java oracles read. */
  private record Bid(long auction, long bidder, long price, String channel, String url, long ts) {}

  /** What each runnable query is checked against. */
  private static final Map<String, Check> CHECKS = new LinkedHashMap<>();

  @FunctionalInterface
  private interface Check {
    void run(String query) throws Exception;
  }

  @BeforeAll
  static void exportEvents() throws Exception {
    settings = new NexmarkQueries.Settings(EVENTS, 1000, 7, "2023-12-31 23:59:45", dir);
    NexmarkQueries.writeSideInput(settings.sideInputPath());
    h2 = DriverManager.getConnection("jdbc:h2:mem:nexmark_oracle");
    try (var st = h2.createStatement()) {
      st.execute("CREATE TABLE person (id BIGINT, name VARCHAR, city VARCHAR, state VARCHAR, ts BIGINT)");
      st.execute("CREATE TABLE auction (id BIGINT, itemName VARCHAR, seller BIGINT, category BIGINT, ts BIGINT, "
          + "expires BIGINT)");
      st.execute("CREATE TABLE bid (auction BIGINT, bidder BIGINT, price BIGINT, channel VARCHAR, url VARCHAR, "
          + "ts BIGINT, extra VARCHAR, dt VARCHAR, hm VARCHAR)");
      st.execute("CREATE TABLE hop_offsets (k BIGINT)");
      st.execute("INSERT INTO hop_offsets VALUES (0), (1), (2), (3), (4)");
    }
    try (Engine engine = Engine.create()) {
      Session s = engine.newSession();
      s.execute("SET 'parallelism.default' = '" + PARALLELISM + "'");
      s.executeScript(NexmarkQueries.ddl(settings), r -> { });
      load("INSERT INTO person VALUES (?, ?, ?, ?, ?)",
          collect(s, "SELECT id, name, city, state, `dateTime` FROM person"), r -> r);
      load("INSERT INTO auction VALUES (?, ?, ?, ?, ?, ?)",
          collect(s, "SELECT id, itemName, seller, category, `dateTime`, expires FROM auction"), r -> r);
      List<Object[]> bidRows = collect(s, "SELECT auction, bidder, price, channel, url, `dateTime`, extra FROM bid");
      // Day and minute are formatted here, in UTC, not by Weir's DATE_FORMAT.
      load("INSERT INTO bid VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", bidRows, r -> {
        Instant t = Instant.ofEpochMilli((Long) r[5]);
        Object[] out = Arrays.copyOf(r, 9);
        out[7] = DAY.format(t);
        out[8] = MINUTE.format(t);
        return out;
      });
      bids = bidRows.stream()
          .map(r -> new Bid((Long) r[0], (Long) r[1], (Long) r[2], (String) r[3], (String) r[4], (Long) r[5]))
          .toList();
    }
    try (var st = h2.createStatement()) {
      // H2 joins by nested loops: indexes keep the oracle's joins fast.
      st.execute("CREATE INDEX bid_price ON bid(price)");
      st.execute("CREATE INDEX bid_auction ON bid(auction)");
      st.execute("CREATE INDEX auction_id ON auction(id)");
      st.execute("CREATE INDEX person_id ON person(id)");
    }
    assertTrue(bids.size() > EVENTS * 0.9, "bids: " + bids.size());
  }

  @AfterAll
  static void close() throws SQLException {
    if (h2 != null) {
      h2.close();
    }
  }

  static {
    CHECKS.put("q0", q -> compare(q, all(), "SELECT auction, bidder, price, ts, extra FROM bid"));
    CHECKS.put("q1", q -> compare(q, all(), "SELECT auction, bidder, 0.908 * price, ts, extra FROM bid"));
    CHECKS.put("q2", q -> compare(q, all(), "SELECT auction, price FROM bid WHERE MOD(auction, 123) = 0"));
    CHECKS.put("q3", q -> compare(q, all(), "SELECT P.name, P.city, P.state, A.id FROM auction A JOIN person P "
        + "ON A.seller = P.id WHERE A.category = 10 AND P.state IN ('OR', 'ID', 'CA')"));
    CHECKS.put("q4", q -> compare(q, all(), "SELECT category, CAST(FLOOR(SUM(final) * 1.0 / COUNT(final)) AS BIGINT) "
        + "FROM (SELECT MAX(B.price) AS final, A.category FROM auction A JOIN bid B ON A.id = B.auction "
        + "AND B.ts BETWEEN A.ts AND A.expires GROUP BY A.id, A.category) GROUP BY category"));
    // A bid is in the five 10 s windows that start every 2 s from 8 s before its own 2 s slot.
    // (Tables of their own: H2 would evaluate derived tables again for every row they are joined with.)
    CHECKS.put("q5", q -> {
      h2Execute("CREATE TABLE IF NOT EXISTS q5_count AS SELECT auction, ws, COUNT(*) AS num FROM "
          + "(SELECT b.auction, b.ts - MOD(b.ts, 2000) - o.k * 2000 AS ws FROM bid b CROSS JOIN hop_offsets o) "
          + "GROUP BY auction, ws");
      h2Execute("CREATE TABLE IF NOT EXISTS q5_max AS SELECT ws, MAX(num) AS maxn FROM q5_count GROUP BY ws");
      compare(q, all(), "SELECT c.auction, c.num FROM q5_max m JOIN q5_count c ON c.ws = m.ws AND c.num >= m.maxn");
    });
    CHECKS.put("q7", q -> {
      h2Execute("CREATE TABLE IF NOT EXISTS q7_max AS SELECT MAX(price) AS maxprice, ws + 10000 AS we "
          + "FROM (SELECT price, ts - MOD(ts, 10000) AS ws FROM bid) GROUP BY ws");
      compare(q, all(), "SELECT B.auction, B.price, B.bidder, B.ts, B.extra FROM q7_max B1 JOIN bid B "
          + "ON B.price = B1.maxprice WHERE B.ts BETWEEN B1.we - 10000 AND B1.we");
    });
    CHECKS.put("q8", q -> compare(q, all(), "SELECT DISTINCT P.id, P.name, P.ws FROM "
        + "(SELECT id, name, ts - MOD(ts, 10000) AS ws FROM person) P JOIN "
        + "(SELECT seller, ts - MOD(ts, 10000) AS ws FROM auction) A ON P.id = A.seller AND P.ws = A.ws"));
    // Ties of price and time may pick another bidder: compare what ties cannot change.
    CHECKS.put("q9", q -> compare(q, cols(0, 1, 5, 6, 7, 8, 10, 12, 13), "SELECT id, itemName, ts, expires, seller, "
        + "category, auction, price, bts FROM (SELECT A.id, A.itemName, A.ts, A.expires, A.seller, A.category, "
        + "B.auction, B.price, B.ts AS bts, ROW_NUMBER() OVER (PARTITION BY A.id ORDER BY B.price DESC, B.ts ASC) "
        + "AS rn FROM auction A JOIN bid B ON A.id = B.auction AND B.ts BETWEEN A.ts AND A.expires) WHERE rn <= 1"));
    CHECKS.put("q10", NexmarkOracleTest::checkQ10);
    CHECKS.put("q11", NexmarkOracleTest::checkQ11);
    CHECKS.put("q12", NexmarkOracleTest::checkQ12);
    CHECKS.put("q13", q -> compare(q, all(), "SELECT auction, bidder, price, ts, CAST(MOD(auction, 10000) AS VARCHAR) "
        + "FROM bid"));
    CHECKS.put("q14", q -> compare(q, all(), "SELECT auction, bidder, 0.908 * price, CASE "
        + "WHEN h >= 8 AND h <= 18 THEN 'dayTime' WHEN h <= 6 OR h >= 20 THEN 'nightTime' ELSE 'otherTime' END, "
        + "ts, extra, LENGTH(extra) - LENGTH(REPLACE(extra, 'c', '')) "
        + "FROM (SELECT b.*, MOD(ts / 3600000, 24) AS h FROM bid b) "
        + "WHERE 0.908 * price > 1000000 AND 0.908 * price < 50000000"));
    CHECKS.put("q15", q -> compare(q, all(), "SELECT dt, " + priceRanks() + " FROM bid GROUP BY dt"));
    CHECKS.put("q16", q -> compare(q, all(), "SELECT channel, dt, MAX(hm), " + priceRanks()
        + " FROM bid GROUP BY channel, dt"));
    CHECKS.put("q17", q -> compare(q, all(), "SELECT auction, dt, COUNT(*), "
        + "SUM(CASE WHEN price < 10000 THEN 1 ELSE 0 END), "
        + "SUM(CASE WHEN price >= 10000 AND price < 1000000 THEN 1 ELSE 0 END), "
        + "SUM(CASE WHEN price >= 1000000 THEN 1 ELSE 0 END), "
        + "MIN(price), MAX(price), CAST(FLOOR(SUM(price) * 1.0 / COUNT(*)) AS BIGINT), SUM(price) "
        + "FROM bid GROUP BY auction, dt"));
    // The last bid per (bidder, auction): which of two bids at the same millisecond is arbitrary.
    CHECKS.put("q18", q -> compare(q, cols(0, 1, 5), "SELECT auction, bidder, MAX(ts) FROM bid GROUP BY auction, bidder"));
    // Equal prices may swap ranks; the (price, rank) pairs stay.
    CHECKS.put("q19", q -> compare(q, cols(0, 2, 7), "SELECT auction, price, rn FROM (SELECT auction, price, "
        + "ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC) AS rn FROM bid) WHERE rn <= 10"));
    CHECKS.put("q20", q -> compare(q, cols(0, 1, 2, 3, 4, 5, 7, 11, 12, 13, 14), "SELECT B.auction, B.bidder, "
        + "B.price, B.channel, B.url, B.ts, A.itemName, A.ts, A.expires, A.seller, A.category FROM bid B "
        + "JOIN auction A ON B.auction = A.id WHERE A.category = 10"));
    CHECKS.put("q21", q -> compare(q, runWeir(q), bids.stream().map(NexmarkOracleTest::q21).filter(r -> r != null).toList()));
    CHECKS.put("q22", q -> compare(q, runWeir(q), bids.stream().map(b -> List.of(str(b.auction()), str(b.bidder()),
        str(b.price()), b.channel(), urlPart(b.url(), 3), urlPart(b.url(), 4), urlPart(b.url(), 5))).toList()));
  }

  @Test
  void everyRunnableQueryIsChecked() {
    assertEquals(NexmarkQueries.runnable(), List.copyOf(CHECKS.keySet()));
    assertFalse(NexmarkQueries.runnable().contains("q6"));
  }

  @TestFactory
  Stream<DynamicTest> eachQueryEqualsTheBatchOracle() {
    return CHECKS.entrySet().stream()
        .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> e.getValue().run(e.getKey())));
  }

  // ---- running a query of the suite ------------------------------------------------------------

  private static final Pattern INSERT = Pattern.compile("INSERT\\s+INTO\\s+\\w+\\s*", Pattern.CASE_INSENSITIVE);

  /**
   * Runs query {@code name} as the suite writes it, except that its INSERT's SELECT is collected
   * instead of written to the sink: the statements before it (sink, functions, views) run as they
   * are, in an engine of its own.
   */
  private static List<List<String>> runWeir(String name) throws Exception {
    String script = NexmarkQueries.script(name, settings);
    Matcher m = INSERT.matcher(script);
    int at = -1;
    int selectFrom = -1;
    while (m.find()) {
      at = m.start();
      selectFrom = m.end();
    }
    assertTrue(at > 0, name + " has no INSERT INTO");
    String select = script.substring(selectFrom).strip();
    select = select.endsWith(";") ? select.substring(0, select.length() - 1) : select;
    try (Engine engine = Engine.create()) {
      Session s = engine.newSession();
      s.execute("SET 'parallelism.default' = '" + PARALLELISM + "'");
      SETTINGS.forEach(s::execute);
      s.executeScript(script.substring(0, at), r -> { });
      return Changelogs.apply(Session.collectAll((StatementResult.QueryResult) s.execute(select), TIMEOUT));
    }
  }

  private static List<Object[]> collect(Session s, String sql) throws InterruptedException {
    List<Object[]> rows = new ArrayList<>();
    for (Row r : Session.collectAll((StatementResult.QueryResult) s.execute(sql), TIMEOUT)) {
      Object[] values = new Object[r.arity()];
      for (int i = 0; i < values.length; i++) {
        values[i] = r.field(i);
      }
      rows.add(values);
    }
    return rows;
  }

  private static void load(String insert, List<Object[]> rows, Function<Object[], Object[]> map) throws SQLException {
    try (PreparedStatement ps = h2.prepareStatement(insert)) {
      for (Object[] r : rows) {
        Object[] values = map.apply(r);
        for (int i = 0; i < values.length; i++) {
          ps.setObject(i + 1, values[i]);
        }
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static String str(long v) {
    return Long.toString(v);
  }

  // ---- comparing -------------------------------------------------------------------------------

  private static Function<List<String>, List<String>> all() {
    return r -> r;
  }

  private static Function<List<String>, List<String>> cols(int... indexes) {
    return r -> Arrays.stream(indexes).mapToObj(r::get).toList();
  }

  private static void compare(String name, Function<List<String>, List<String>> columns, String oracle)
      throws Exception {
    compare(name, runWeir(name).stream().map(columns).toList(), h2(oracle));
  }

  private static void compare(String name, List<List<String>> actual, List<List<String>> expected) {
    assertFalse(expected.isEmpty(), name + ": the oracle must have something to compare");
    List<String> want = expected.stream().map(Object::toString).sorted().toList();
    List<String> got = actual.stream().map(Object::toString).sorted().toList();
    if (!want.equals(got)) {
      TreeSet<String> missing = new TreeSet<>(want);
      missing.removeAll(got);
      TreeSet<String> extra = new TreeSet<>(got);
      extra.removeAll(want);
      assertEquals(want.size() + " rows: " + head(missing, want), got.size() + " rows: " + head(extra, got),
          name + ": the oracle's rows (left: those Weir lacks) differ from Weir's (right: those the oracle lacks)");
    }
  }

  /** The first few of {@code rows}, or of {@code all} when only duplicates differ. */
  private static String head(TreeSet<String> rows, List<String> all) {
    return rows.isEmpty() ? "duplicates differ, e.g. " + all.stream().limit(3).toList()
        : rows.size() + " distinct, e.g. " + rows.stream().limit(5).toList();
  }

  private static void h2Execute(String sql) throws SQLException {
    try (var st = h2.createStatement()) {
      st.execute(sql);
    }
  }

  private static List<List<String>> h2(String sql) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (var st = h2.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
          row.add(Changelogs.normalize(rs.getObject(i)));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** q15–q16's counts by price rank, with DISTINCT … FILTER written as DISTINCT over CASE. */
  private static String priceRanks() {
    String[] ranks = {"price < 10000", "price >= 10000 AND price < 1000000", "price >= 1000000"};
    StringBuilder sql = new StringBuilder("COUNT(*)");
    for (String r : ranks) {
      sql.append(", SUM(CASE WHEN ").append(r).append(" THEN 1 ELSE 0 END)");
    }
    for (String column : List.of("bidder", "auction")) {
      sql.append(", COUNT(DISTINCT ").append(column).append(")");
      for (String r : ranks) {
        sql.append(", COUNT(DISTINCT CASE WHEN ").append(r).append(" THEN ").append(column).append(" END)");
      }
    }
    return sql.toString();
  }

  // ---- the Java oracles ------------------------------------------------------------------------

  /**
   * q10 writes files: one directory per day and minute ({@code hm=23%3A59}: a ':' is escaped in a
   * path, as Flink does), each line a bid without them (its first columns checked).
   */
  private static void checkQ10(String name) throws Exception {
    try (Engine engine = Engine.create()) {
      Session s = engine.newSession();
      s.execute("SET 'parallelism.default' = '" + PARALLELISM + "'");
      SETTINGS.forEach(s::execute);
      s.execute("SET 'table.dml-sync' = 'true'");
      s.executeScript(NexmarkQueries.script(name, settings), r -> { });
    }
    Path out = settings.outputDir().resolve("bid");
    List<List<String>> written = new ArrayList<>();
    try (Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
          .toList()) {
        String hm = f.getParent().getFileName().toString();
        String dt = f.getParent().getParent().getFileName().toString();
        for (String line : Files.readAllLines(f)) {
          String[] fields = line.split(",", -1);
          written.add(List.of(dt, hm, fields[0], fields[1], fields[2]));
        }
      }
    }
    List<List<String>> expected = bids.stream().map(b -> List.of(
        "dt=" + DAY.format(Instant.ofEpochMilli(b.ts())), "hm=" + MINUTE.format(Instant.ofEpochMilli(b.ts())).replace(":", "%3A"),
        str(b.auction()), str(b.bidder()), str(b.price()))).toList();
    compare(name, written, expected);
  }

  /**
   * q11's sessions, per bidder: bids sorted by time, a new session when the next bid comes more
   * than the gap after the last (a bid exactly a gap later touches the window and merges).
   */
  private static void checkQ11(String name) throws Exception {
    long gap = 10_000;
    Map<Long, List<Long>> times = new TreeMap<>();
    for (Bid b : bids) {
      times.computeIfAbsent(b.bidder(), k -> new ArrayList<>()).add(b.ts());
    }
    List<List<String>> expected = new ArrayList<>();
    times.forEach((bidder, ts) -> {
      ts.sort(null);
      long start = ts.get(0);
      long last = start;
      int count = 0;
      for (long t : ts) {
        if (t > last + gap) {
          expected.add(List.of(str(bidder), str(count), str(start), str(last + gap)));
          start = t;
          count = 0;
        }
        last = t;
        count++;
      }
      expected.add(List.of(str(bidder), str(count), str(start), str(last + gap)));
    });
    compare(name, runWeir(name), expected);
  }

  /**
   * q12 counts bids per bidder in processing-time windows, so which window a bid falls in depends
   * on the wall clock. What does not: each bidder's counts summed over its windows is its number
   * of bids, and each window is 10 s long and starts on a multiple of 10 s.
   */
  private static void checkQ12(String name) throws Exception {
    List<List<String>> rows = runWeir(name);
    Map<String, Long> perBidder = new TreeMap<>();
    for (List<String> r : rows) {
      perBidder.merge(r.get(0), Long.parseLong(r.get(1)), Long::sum);
      long start = Long.parseLong(r.get(2));
      long end = Long.parseLong(r.get(3));
      assertEquals(10_000, end - start, "q12 window " + r);
      assertEquals(0, Math.floorMod(start, 10_000L), "q12 window start " + r);
    }
    List<List<String>> expected = h2("SELECT bidder, COUNT(*) FROM bid GROUP BY bidder");
    compare(name, perBidder.entrySet().stream().map(e -> List.of(e.getKey(), str(e.getValue()))).toList(), expected);
  }

  /** q21's channel id, from the url's query string split by hand. */
  private static List<String> q21(Bid b) {
    String fromUrl = null;
    for (String part : b.url().split("&", -1)) {
      // '(&|^)channel_id=([^&]*)': a piece after an '&', or the url's very start.
      if (fromUrl == null && part.startsWith("channel_id=")) {
        fromUrl = part.substring("channel_id=".length());
      }
    }
    String id = switch (b.channel().toLowerCase(java.util.Locale.ROOT)) {
      case "apple" -> "0";
      case "google" -> "1";
      case "facebook" -> "2";
      case "baidu" -> "3";
      default -> fromUrl;
    };
    return id == null ? null : List.of(str(b.auction()), str(b.bidder()), str(b.price()), b.channel(), id);
  }

  /** SPLIT_INDEX(url, '/', index): the index-th piece, empty pieces kept; NULL past the last. */
  private static String urlPart(String url, int index) {
    String[] parts = url.split("/", -1);
    return index < parts.length ? parts[index] : "NULL";
  }
}
