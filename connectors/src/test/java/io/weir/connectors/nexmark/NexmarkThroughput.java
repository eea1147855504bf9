package io.weir.connectors.nexmark;

import io.weir.common.data.Row;
import io.weir.connectors.testing.ConnectorTesting;
import io.weir.connectors.testing.ConnectorTesting.RecordingContext;
import io.weir.runtime.connector.SplitReader;
import io.weir.runtime.connector.TableContext;
import io.weir.runtime.connector.TableSource;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How many events per second one reader generates into a blackhole. Not a test: run it by hand,
 * e.g. {@code java -cp <test classpath> io.weir.connectors.nexmark.NexmarkThroughput [seconds]}.
 * Prints, for all columns and for a bid-only projection, events/s after a warm-up.
 */
public final class NexmarkThroughput {
  private NexmarkThroughput() {}

  /** Keeps each row reachable, so the JIT cannot drop its construction. */
  private static final class Blackhole implements Consumer<Row> {
    volatile Row last;
    long count;

    @Override
    public void accept(Row row) {
      last = row;
      count++;
    }
  }

  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
    Map<String, String> options = Map.of("connector", "nexmark", "first-event.rate", "10000000",
        "next-event.rate", "10000000", "base-time", "0");
    for (int round = 0; round < 2; round++) {
      run("all columns      ", ConnectorTesting.context("t", NexmarkSchema.TYPE, options), seconds);
      run("event_type + bid ", ConnectorTesting.context("t", NexmarkSchema.TYPE, options, List.of(0, 3)), seconds);
    }
  }

  private static void run(String label, TableContext context, double seconds) throws Exception {
    TableSource source = ConnectorTesting.source(context);
    Blackhole hole = new Blackhole();
    try (SplitReader reader = source.createReader(source.splits(1).get(0), new RecordingContext(0, 1))) {
      long warmUpEnd = System.nanoTime() + 2_000_000_000L;
      while (System.nanoTime() < warmUpEnd) {
        reader.read(hole);
      }
      long before = hole.count;
      long start = System.nanoTime();
      long end = start + (long) (seconds * 1e9);
      long now;
      do {
        for (int i = 0; i < 64; i++) {
          reader.read(hole);
        }
        now = System.nanoTime();
      } while (now < end);
      double rate = (hole.count - before) / ((now - start) / 1e9);
      System.out.printf("%s %,.0f events/s (one reader)%n", label, rate);
    }
  }
}
