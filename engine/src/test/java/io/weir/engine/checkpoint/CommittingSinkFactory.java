package io.weir.engine.checkpoint;

import io.weir.common.data.Row;
import io.weir.runtime.connector.SinkFactory;
import io.weir.runtime.connector.SinkWriter;
import io.weir.runtime.connector.TableContext;
import io.weir.runtime.connector.TableSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A transactional sink for tests, {@code 'connector' = 'test-committing', 'name' = '…'}: it takes
 * any changelog and makes rows visible, in {@link #committed}, only when the checkpoint they were
 * staged for completes — the contract of {@link SinkWriter#prepareCommit} and {@link
 * SinkWriter#commit}, with an in-memory "transaction log" in place of files or Kafka transactions.
 * Without checkpoints it commits at the end of input. With {@code 'fail-after' = 'n'} a writer
 * throws when it is handed its n-th row, for the first {@code 'fail-times'} (default 1) writers of
 * that sink name — a task failure, for restart tests. {@code 'rows-per-second'} slows each writer
 * down, so back-pressure holds its sources in the middle of their input.
 */
public final class CommittingSinkFactory implements SinkFactory {
  private static final Map<String, List<Row>> COMMITTED = new ConcurrentHashMap<>();
  private static final Map<String, List<Row>> STAGED = new ConcurrentHashMap<>();
  private static final Map<String, java.util.concurrent.atomic.AtomicInteger> FAILURES = new ConcurrentHashMap<>();

  /** The rows committed to sink {@code name}, in commit order. */
  public static List<Row> committed(String name) {
    List<Row> rows = COMMITTED.getOrDefault(name, List.of());
    synchronized (rows) {
      return new ArrayList<>(rows);
    }
  }

  public static void reset(String name) {
    COMMITTED.remove(name);
  }

  @Override
  public String identifier() {
    return "test-committing";
  }

  @Override
  public Set<String> requiredOptions() {
    return Set.of("name");
  }

  @Override
  public Set<String> optionalOptions() {
    return Set.of("fail-after", "fail-times", "rows-per-second");
  }

  @Override
  public boolean acceptsUpdates() {
    return true;
  }

  @Override
  public TableSink createSink(TableContext context) {
    String name = context.option("name", null);
    long failAfter = Long.parseLong(context.option("fail-after", "0"));
    int failTimes = Integer.parseInt(context.option("fail-times", "1"));
    var failures = FAILURES.computeIfAbsent(name, k -> new java.util.concurrent.atomic.AtomicInteger());
    long nanosPerRow = 1_000_000_000L / Long.parseLong(context.option("rows-per-second", "1000000000"));
    return ctx -> new Writer(COMMITTED.computeIfAbsent(name, k -> new ArrayList<>()),
        failAfter > 0 && failures.getAndIncrement() < failTimes ? failAfter : Long.MAX_VALUE, nanosPerRow);
  }

  private static final class Writer implements SinkWriter {
    private final List<Row> target;
    private final long failAfter;
    private final long nanosPerRow;
    private final long start = System.nanoTime();
    private long written;
    private List<Row> buffer = new ArrayList<>();

    Writer(List<Row> target, long failAfter, long nanosPerRow) {
      this.target = target;
      this.failAfter = failAfter;
      this.nanosPerRow = nanosPerRow;
    }

    @Override
    public void write(Row row) {
      if (++written == failAfter) {
        throw new IllegalStateException("injected failure at row " + written);
      }
      long due = start + written * nanosPerRow;
      while (nanosPerRow > 1 && System.nanoTime() < due) {
        java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
      }
      buffer.add(row);
    }

    @Override
    public void flush() {
      publish(buffer);
      buffer = new ArrayList<>();
    }

    @Override
    public List<String> prepareCommit(long checkpointId) {
      if (buffer.isEmpty()) {
        return List.of();
      }
      String id = UUID.randomUUID().toString();
      STAGED.put(id, buffer);
      buffer = new ArrayList<>();
      return List.of(id);
    }

    @Override
    public void commit(List<String> committables) {
      for (String id : committables) {
        List<Row> rows = STAGED.remove(id);
        if (rows != null) {
          publish(rows);
        }
      }
    }

    @Override
    public void abort() {
      buffer = new ArrayList<>();
    }

    private void publish(List<Row> rows) {
      synchronized (target) {
        target.addAll(rows);
      }
    }
  }
}
