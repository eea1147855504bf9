package io.weir.bench;

import io.weir.engine.Engine;
import io.weir.engine.Session;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Throughput of whole queries through the engine (SQL → planner → runtime → connectors): a
 * {@code datagen} table generated as fast as it can go, one query, a {@code blackhole} sink.
 *
 * <p>Usage: {@code QueryBenchmark [queries] [rows] [parallelism] [runs] [keys]}, queries a
 * comma-separated list of the names below (default: all; the joins read a second stream {@code gen2}
 * like {@code gen}, or the dimension table {@code dim}, and count only {@code gen}'s rows), keys the number of distinct grouping
 * keys (default 1000; event time advances 1 s per 1000 rows, so with 1000 keys each key has about
 * one row per second, with 10 keys about a hundred). Each run prints rows/s, CPU cores used, rows/s per core,
 * peak heap and peak RSS; the first run of each query is a warm-up.
 */
public final class QueryBenchmark {
  private QueryBenchmark() {}

  /** Event time advances 1 ms per row: {@code ts} is the sequence number as a timestamp. */
  private static String source(long rows, int keys) {
    return source("gen", rows, keys);
  }

  /** A second stream like {@code gen}, for joins, and a bounded dimension table of the keys. */
  private static List<String> joinSources(long rows, int keys) {
    return List.of(source("gen2", rows, keys),
        "CREATE TABLE dim (k INT, name STRING) WITH ('connector' = 'datagen', 'number-of-rows' = '" + keys + "', "
            + "'fields.k.kind' = 'sequence', 'fields.k.start' = '0', 'fields.k.end' = '" + (keys - 1) + "', "
            + "'fields.name.length' = '6')");
  }

  private static String source(String name, long rows, int keys) {
    return "CREATE TABLE " + name + " (id BIGINT, k INT, price INT, customer STRING, ts AS TO_TIMESTAMP_LTZ(id, 3), "
        + "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ("
        + "'connector' = 'datagen', 'rows-per-second' = '1000000000', "
        + "'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '" + rows + "', "
        + "'fields.k.min' = '0', 'fields.k.max' = '" + (keys - 1) + "', "
        + "'fields.price.min' = '1', 'fields.price.max' = '1000', 'fields.customer.length' = '8')";
  }

  /** name → (sink columns, query). */
  static final Map<String, String[]> QUERIES = new LinkedHashMap<>();

  static {
    QUERIES.put("filter", new String[] {"id BIGINT, price_x2 INT",
        "SELECT id, price * 2 FROM gen WHERE price > 500"});
    QUERIES.put("group-agg", new String[] {"k INT, n BIGINT, total INT, top INT",
        "SELECT k, COUNT(*), SUM(price), MAX(price) FROM gen GROUP BY k"});
    QUERIES.put("tumble-1s", new String[] {"k INT, ws TIMESTAMP(3), n BIGINT, total INT",
        "SELECT k, window_start, COUNT(*), SUM(price) FROM TABLE(TUMBLE(TABLE gen, DESCRIPTOR(ts), INTERVAL '1' SECOND)) "
            + "GROUP BY k, window_start, window_end"});
    QUERIES.put("tumble-60s", new String[] {"k INT, ws TIMESTAMP(3), n BIGINT, total INT",
        "SELECT k, window_start, COUNT(*), SUM(price) FROM TABLE(TUMBLE(TABLE gen, DESCRIPTOR(ts), INTERVAL '60' SECOND)) "
            + "GROUP BY k, window_start, window_end"});
    QUERIES.put("hop-60s-by-1s", new String[] {"k INT, ws TIMESTAMP(3), n BIGINT, total INT",
        "SELECT k, window_start, COUNT(*), SUM(price) FROM TABLE(HOP(TABLE gen, DESCRIPTOR(ts), INTERVAL '1' SECOND, "
            + "INTERVAL '60' SECOND)) GROUP BY k, window_start, window_end"});
    QUERIES.put("cumulate-60s-by-1s", new String[] {"k INT, ws TIMESTAMP(3), we TIMESTAMP(3), n BIGINT",
        "SELECT k, window_start, window_end, COUNT(*) FROM TABLE(CUMULATE(TABLE gen, DESCRIPTOR(ts), INTERVAL '1' SECOND, "
            + "INTERVAL '60' SECOND)) GROUP BY k, window_start, window_end"});
    QUERIES.put("join-regular", new String[] {"id BIGINT, name STRING",
        "SELECT g.id, d.name FROM gen g JOIN dim d ON g.k = d.k"});
    QUERIES.put("join-interval", new String[] {"id BIGINT, price INT, price2 INT",
        "SELECT a.id, a.price, b.price FROM gen a, gen2 b WHERE a.id = b.id "
            + "AND b.ts BETWEEN a.ts - INTERVAL '1' SECOND AND a.ts + INTERVAL '1' SECOND"});
    QUERIES.put("join-window", new String[] {"k INT, ws TIMESTAMP(3), n BIGINT, n2 BIGINT",
        "SELECT l.k, l.window_start, l.n, r.n FROM "
            + "(SELECT k, window_start, window_end, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE gen, DESCRIPTOR(ts), INTERVAL '1' SECOND)) "
            + "GROUP BY k, window_start, window_end) l JOIN "
            + "(SELECT k, window_start, window_end, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE gen2, DESCRIPTOR(ts), INTERVAL '1' SECOND)) "
            + "GROUP BY k, window_start, window_end) r "
            + "ON l.k = r.k AND l.window_start = r.window_start AND l.window_end = r.window_end"});
    QUERIES.put("top-3", new String[] {"k INT, price INT, id BIGINT",
        "SELECT k, price, id FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY price DESC) AS rn FROM gen) "
            + "WHERE rn <= 3"});
  }

  public static void main(String[] args) {
    List<String> names = args.length > 0 && !args[0].equals("all") ? List.of(args[0].split(",")) : List.copyOf(QUERIES.keySet());
    long rows = args.length > 1 ? Long.parseLong(args[1]) : 20_000_000L;
    int parallelism = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    int runs = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    int keys = args.length > 4 ? Integer.parseInt(args[4]) : 1000;
    System.out.printf("%d rows per run, %d keys, parallelism %d, %d runs per query (the first is a warm-up)%n",
        rows, keys, parallelism, runs);
    for (String name : names) {
      String[] q = QUERIES.get(name);
      if (q == null) {
        throw new IllegalArgumentException("Unknown query '" + name + "'; known: " + QUERIES.keySet());
      }
      for (int run = 1; run <= runs; run++) {
        try (Engine engine = Engine.create()) {
          Session s = engine.newSession();
          s.execute("SET 'parallelism.default' = '" + parallelism + "'");
          s.execute("SET 'table.dml-sync' = 'true'");
          s.execute(source(rows, keys));
          if (name.startsWith("join")) {
            joinSources(rows, keys).forEach(s::execute);
          }
          s.execute("CREATE TABLE sink (" + q[0] + ") WITH ('connector' = 'blackhole')");
          BenchmarkReport report = new BenchmarkReport();
          s.execute("INSERT INTO sink " + q[1]);
          report.print(name + " run " + run, rows);
        }
      }
    }
  }
}
