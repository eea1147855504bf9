package io.weir.runtime.task;

import io.weir.common.data.Row;
import java.util.List;

/**
 * Sends one task's rows over one outgoing edge: partitions them to the receiver's channels, batches
 * them, and broadcasts watermarks and the end of input in order with the rows.
 */
final class RecordWriter {
  private final Channel[] targets;
  private final Partitioner partitioner;
  private final int batchSize;
  private final Row[][] pending;
  private final int[] counts;

  RecordWriter(List<Channel> targets, Partitioner partitioner, int batchSize) {
    this.targets = targets.toArray(new Channel[0]);
    this.partitioner = partitioner;
    this.batchSize = batchSize;
    this.pending = new Row[this.targets.length][];
    this.counts = new int[this.targets.length];
  }

  void emit(Row row) throws InterruptedException {
    int t = partitioner.select(row, targets.length);
    if (t < 0) {
      for (int i = 0; i < targets.length; i++) {
        add(i, row);
      }
    } else {
      add(t, row);
    }
  }

  private void add(int t, Row row) throws InterruptedException {
    Row[] buffer = pending[t];
    if (buffer == null) {
      buffer = pending[t] = new Row[batchSize];
    }
    buffer[counts[t]++] = row;
    if (counts[t] == batchSize) {
      flush(t);
    }
  }

  private void flush(int t) throws InterruptedException {
    if (counts[t] > 0) {
      Row[] rows = pending[t];
      int n = counts[t];
      pending[t] = null;
      counts[t] = 0;
      targets[t].put(new StreamElements.Batch(rows, n));
    }
  }

  void flushAll() throws InterruptedException {
    for (int t = 0; t < targets.length; t++) {
      flush(t);
    }
  }

  void broadcast(Object element) throws InterruptedException {
    flushAll();
    for (Channel c : targets) {
      c.put(element);
    }
  }
}
