package io.weir.state.heap;

import io.weir.state.KeyGroupRange;
import io.weir.state.KeyGroups;

/** Maps a key to the index of its key group within the backend's range: the heap tables' slot. */
final class KeyGroupIndexer {
  private final int maxParallelism;
  private final int start;
  private final int endInclusive;

  KeyGroupIndexer(int maxParallelism, KeyGroupRange range) {
    this.maxParallelism = maxParallelism;
    this.start = range.start();
    this.endInclusive = range.endInclusive();
  }

  /** The slot of {@code key}; throws if the key is null or belongs to another task. */
  int indexOf(Object key) {
    if (key == null) {
      throw new NullPointerException("A state key must not be null");
    }
    int keyGroup = KeyGroups.forHash(KeyGroups.hash(key), maxParallelism);
    if (keyGroup < start || keyGroup > endInclusive) {
      throw new IllegalArgumentException(
          "Key " + key + " is in key group " + keyGroup + ", outside this task's range [" + start
              + ", " + endInclusive + "]: rows are routed by another key or max parallelism than "
              + "the state is partitioned by");
    }
    return keyGroup - start;
  }

  /**
   * Checks that a key read from the stream of slot {@code index} hashes there again. It fails when
   * a key type's hash is not the same in every JVM: the state would be unreachable.
   */
  void checkRestoredKey(Object key, int index, String stateName) {
    int keyGroup = KeyGroups.forHash(KeyGroups.hash(key), maxParallelism);
    if (keyGroup != start + index) {
      throw new IllegalStateException(
          "Key " + key + " of state '" + stateName + "' was snapshotted in key group "
              + (start + index) + " but hashes to key group " + keyGroup
              + " now; its hashCode is not deterministic across JVMs");
    }
  }

  int size() {
    return endInclusive - start + 1;
  }
}
