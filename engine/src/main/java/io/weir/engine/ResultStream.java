package io.weir.engine;

import io.weir.common.data.Row;
import io.weir.runtime.job.Job;
import io.weir.runtime.job.ResultCollector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The changelog of a running query, for one client. The job writes into a bounded buffer, so a
 * client that stops reading slows the job down instead of filling memory; {@link #close()} stops
 * the job.
 */
public final class ResultStream implements ResultCollector, AutoCloseable {
  private static final Object END = new Object();

  private final BlockingQueue<Object> buffer;
  private volatile Job job;
  private volatile Throwable failure;
  private volatile boolean ended;
  private volatile long watermark = Long.MIN_VALUE;

  public ResultStream(int capacity) {
    this.buffer = new ArrayBlockingQueue<>(capacity);
  }

  void attach(Job job) {
    this.job = job;
  }

  @Override
  public void collect(Row row) {
    try {
      buffer.put(row);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("result delivery interrupted", e);
    }
  }

  @Override
  public void onWatermark(long wm) {
    watermark = wm;
  }

  @Override
  public void finish() {
    offerEnd();
  }

  @Override
  public void fail(Throwable cause) {
    failure = cause;
    offerEnd();
  }

  private void offerEnd() {
    // Never block here: the client may have stopped reading; then it will see `ended` instead.
    buffer.offer(END);
    ended = true;
  }

  /**
   * Waits up to {@code timeout} for rows, then returns what is there (perhaps nothing).
   *
   * @return the rows, in changelog order; empty also when the stream has ended (see {@link
   *     #isEnd()})
   */
  public List<Row> poll(Duration timeout) throws InterruptedException {
    return poll(timeout, 10_000);
  }

  /**
   * Like {@link #poll(Duration)}, but returns at most {@code maxRows} rows; the rest stay buffered
   * (and keep back-pressuring the job) for the next call.
   */
  public List<Row> poll(Duration timeout, int maxRows) throws InterruptedException {
    if (maxRows <= 0) {
      throw new IllegalArgumentException("maxRows must be positive but was " + maxRows);
    }
    List<Row> rows = new ArrayList<>();
    Object first = buffer.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (first == null) {
      return rows;
    }
    List<Object> drained = new ArrayList<>();
    drained.add(first);
    if (first != END) {
      buffer.drainTo(drained, maxRows - 1);
    }
    for (Object o : drained) {
      if (o == END) {
        ended = true;
        buffer.offer(END);
        break;
      }
      rows.add((Row) o);
    }
    return rows;
  }

  /** How many rows wait in the buffer for the client (at most the capacity given at creation). */
  public int buffered() {
    int n = buffer.size();
    return ended && buffer.contains(END) ? n - 1 : n;
  }

  /** True once every row has been delivered (or the job failed or was cancelled). */
  public boolean isEnd() {
    return ended && (buffer.isEmpty() || buffer.peek() == END);
  }

  /** Why the query stopped early, or null. */
  public Throwable failure() {
    return failure;
  }

  /** The query's latest watermark, or {@link Long#MIN_VALUE} before the first. */
  public long watermark() {
    return watermark;
  }

  /** Stops the query's job. */
  @Override
  public void close() {
    Job j = job;
    if (j != null) {
      j.cancel();
    }
  }
}
