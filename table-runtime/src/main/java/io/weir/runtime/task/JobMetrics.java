package io.weir.runtime.task;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Counters a running job keeps; read from any thread. */
public final class JobMetrics {
  private final AtomicLong skippedRecords = new AtomicLong();
  private final AtomicLong lateRowsDropped = new AtomicLong();
  private final AtomicReference<String> lastSkipReason = new AtomicReference<>();

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
