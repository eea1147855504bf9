package io.weir.runtime.task;

import io.weir.common.data.Row;
import io.weir.state.KeyGroups;

/** Chooses which of a receiver's channels a row goes to. */
interface Partitioner {
  /** An index in {@code [0, channels)}, or -1 to send the row to every channel. */
  int select(Row row, int channels);

  static Partitioner forward() {
    return (row, n) -> 0;
  }

  static Partitioner broadcast() {
    return (row, n) -> -1;
  }

  /**
   * By key: the key group of the key fields, then the task owning that key group, with the same
   * functions the state backend uses, so a key's rows meet its state.
   */
  static Partitioner hash(java.util.List<Integer> keys, int maxParallelism) {
    int[] fields = keys.stream().mapToInt(Integer::intValue).toArray();
    return (row, n) -> {
      Object[] key = new Object[fields.length];
      for (int i = 0; i < fields.length; i++) {
        key[i] = row.field(fields[i]);
      }
      return KeyGroups.taskForKey(Row.of(key), maxParallelism, n);
    };
  }

  static Partitioner rebalance(int start) {
    int[] next = {start};
    return (row, n) -> {
      int c = next[0] % n;
      next[0] = c + 1;
      return c;
    };
  }
}
