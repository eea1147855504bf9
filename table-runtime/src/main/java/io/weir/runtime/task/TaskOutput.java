package io.weir.runtime.task;

import io.weir.common.data.Row;
import io.weir.runtime.operator.Output;
import java.util.List;

/** The end of a task's chain: sends rows and watermarks over every outgoing edge. */
final class TaskOutput implements Output {
  private final RecordWriter[] writers;
  private final long flushIntervalNanos;
  private long lastFlush = System.nanoTime();

  TaskOutput(List<RecordWriter> writers, long flushIntervalMillis) {
    this.writers = writers.toArray(new RecordWriter[0]);
    this.flushIntervalNanos = flushIntervalMillis * 1_000_000L;
  }

  @Override
  public void emit(Row row) {
    try {
      for (RecordWriter w : writers) {
        w.emit(row);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TaskCancelledException();
    }
  }

  @Override
  public void emitWatermark(long watermark) {
    broadcast(new StreamElements.Watermark(watermark));
  }

  /** Sends every partly filled batch. */
  void flush() {
    try {
      for (RecordWriter w : writers) {
        w.flushAll();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TaskCancelledException();
    }
    lastFlush = System.nanoTime();
  }

  /** Sends partly filled batches that have waited longer than the buffer timeout. */
  void flushIfDue() {
    if (System.nanoTime() - lastFlush >= flushIntervalNanos) {
      flush();
    }
  }

  /** Sends a checkpoint barrier after every row emitted so far. */
  void broadcastBarrier(io.weir.checkpointing.CheckpointTarget target) {
    broadcast(new StreamElements.Barrier(target));
  }

  /** Tells every receiver this task is idle: see {@link StreamElements.Idle}. */
  void markIdle() {
    broadcast(StreamElements.Idle.INSTANCE);
  }

  void endOfInput() {
    broadcast(StreamElements.EndOfInput.INSTANCE);
  }

  private void broadcast(Object element) {
    try {
      for (RecordWriter w : writers) {
        w.broadcast(element);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TaskCancelledException();
    }
    lastFlush = System.nanoTime();
  }
}
