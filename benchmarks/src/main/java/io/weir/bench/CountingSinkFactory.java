package io.weir.bench;

import io.weir.runtime.connector.SinkFactory;
import io.weir.runtime.connector.SinkWriter;
import io.weir.runtime.connector.TableContext;
import io.weir.runtime.connector.TableSink;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A sink for benchmarks that discards rows like {@code blackhole} but counts them, so a benchmark
 * can watch a running job: {@code 'connector' = 'bench-counting', 'name' = '…'}. It counts
 * {@code +I} and {@code +U} rows only — for a grouped COUNT each input row produces exactly one
 * of them, so the count is the number of input rows aggregated — and notes when the first row
 * arrived.
 */
public final class CountingSinkFactory implements SinkFactory {
  private static final Map<String, Counter> COUNTERS = new ConcurrentHashMap<>();

  /** What sink {@code name} received: rows so far, and the {@link System#nanoTime} of the first (0: none yet). */
  static final class Counter {
    private final LongAdder rows = new LongAdder();
    private final AtomicLong firstRowNanos = new AtomicLong();

    long rows() {
      return rows.sum();
    }

    long firstRowNanos() {
      return firstRowNanos.get();
    }
  }

  /** The counter of sink {@code name}, created empty if no job wrote to it yet. */
  static Counter counter(String name) {
    return COUNTERS.computeIfAbsent(name, n -> new Counter());
  }

  @Override
  public String identifier() {
    return "bench-counting";
  }

  @Override
  public Set<String> requiredOptions() {
    return Set.of("name");
  }

  @Override
  public Set<String> optionalOptions() {
    return Set.of();
  }

  @Override
  public boolean acceptsUpdates() {
    return true;
  }

  @Override
  public TableSink createSink(TableContext context) {
    Counter counter = counter(context.option("name"));
    return sinkContext -> new SinkWriter() {
      @Override
      public void write(io.weir.common.data.Row row) {
        if (row.kind().isAccumulate()) {
          counter.rows.increment();
          if (counter.firstRowNanos.get() == 0) {
            counter.firstRowNanos.compareAndSet(0, System.nanoTime());
          }
        }
      }
    };
  }
}
