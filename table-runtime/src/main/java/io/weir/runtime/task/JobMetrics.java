package io.weir.runtime.task;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Counters a running job keeps; read from any thread. */
public final class JobMetrics {
  private final AtomicLong skippedRecords = new AtomicLong();
  private final AtomicLong lateRowsDropped = new AtomicLong();
  private final AtomicReference<String> lastSkipReason = new AtomicReference<>();
  // Added by tasks in batches (never per row): a LongAdder keeps those adds uncontended.
  private final java.util.concurrent.atomic.LongAdder rowsRead = new java.util.concurrent.atomic.LongAdder();
  private final java.util.concurrent.atomic.LongAdder rowsWritten = new java.util.concurrent.atomic.LongAdder();

  void addRowsRead(long rows) {
    rowsRead.add(rows);
  }

  void addRowsWritten(long rows) {
    rowsWritten.add(rows);
  }

  /** Rows the job's sources have emitted (in batches: it may lag a read by a fraction of a second). */
  public long rowsRead() {
    return rowsRead.sum();
  }

  /** Rows the job's sinks have been given (in batches, as {@link #rowsRead}). */
  public long rowsWritten() {
    return rowsWritten.sum();
  }

  void recordSkipped(String reason) {
    skippedRecords.incrementAndGet();
    lastSkipReason.set(reason);
  }

  void recordLateRow() {
    lateRowsDropped.incrementAndGet();
  }

  /** Rows dropped because they arrived behind the watermark of a window or time operator. */
  public long lateRowsDropped() {
    return lateRowsDropped.get();
  }

  /** Malformed records skipped by sources told to ignore parse errors. */
  public long skippedRecords() {
    return skippedRecords.get();
  }

  /** Why the latest record was skipped, or null. */
  public String lastSkipReason() {
    return lastSkipReason.get();
  }
}
