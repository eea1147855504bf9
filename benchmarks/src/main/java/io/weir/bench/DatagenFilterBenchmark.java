package io.weir.bench;

import io.weir.engine.Engine;
import io.weir.engine.Session;

/**
 * The first throughput benchmark: {@code datagen → filter + projection → blackhole}, through the
 * whole engine (SQL, planner, runtime, connectors), as fast as the generator can go.
 *
 * <p>Usage: {@code DatagenFilterBenchmark [rows] [parallelism] [runs] [sink-parallelism]}; each run
 * prints rows/s, CPU cores used, rows/s per core, peak heap and peak RSS. With a sink parallelism
 * that differs from the source's, rows cross a channel between tasks instead of staying in one
 * fused chain, which measures the exchange.
 */
public final class DatagenFilterBenchmark {
  private DatagenFilterBenchmark() {}

  public static void main(String[] args) {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 20_000_000L;
    int parallelism = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    int sinkParallelism = args.length > 3 ? Integer.parseInt(args[3]) : parallelism;
    System.out.printf("datagen -> filter -> blackhole: %d rows, parallelism %d, sink parallelism %d, %d runs (first is warm-up)%n",
        rows, parallelism, sinkParallelism, runs);
    for (int run = 1; run <= runs; run++) {
      try (Engine engine = Engine.create()) {
        Session s = engine.newSession();
        s.execute("SET 'parallelism.default' = '" + parallelism + "'");
        s.execute("SET 'table.dml-sync' = 'true'");
        s.execute("CREATE TABLE gen (id BIGINT, price INT, customer STRING) WITH ("
            + "'connector' = 'datagen', 'rows-per-second' = '1000000000', 'number-of-rows' = '" + rows + "', "
            + "'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '" + rows + "', "
            + "'fields.price.min' = '1', 'fields.price.max' = '1000', 'fields.customer.length' = '8')");
        s.execute("CREATE TABLE sink (id BIGINT, price_x2 INT) WITH ('connector' = 'blackhole', "
            + "'sink.parallelism' = '" + sinkParallelism + "')");
        BenchmarkReport report = new BenchmarkReport();
        s.execute("INSERT INTO sink SELECT id, price * 2 FROM gen WHERE price > 500");
        report.print("run " + run, rows);
      }
    }
  }
}
