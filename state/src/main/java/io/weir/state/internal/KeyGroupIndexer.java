package io.weir.state.internal;

import io.weir.state.KeyGroupRange;
import io.weir.state.KeyGroups;

/**
 * Maps a key to its key group and to that key group's index within a backend's range (the heap
 * tables' slot), refusing keys of another task's range. Shared by the backends so both refuse a
 * foreign key with the same message.
 */
public final class KeyGroupIndexer {
  private final int maxParallelism;
  private final int start;
  private final int endInclusive;

  /**
   * An indexer for a backend owning {@code range} out of {@code maxParallelism} key groups.
   *
   * @throws IllegalArgumentException if {@code maxParallelism} is out of bounds or the range
   *     does not fit in it
   */
  public KeyGroupIndexer(int maxParallelism, KeyGroupRange range) {
    if (maxParallelism <= 0 || maxParallelism > KeyGroups.UPPER_BOUND_MAX_PARALLELISM) {
      throw new IllegalArgumentException(
          "maxParallelism must be in [1, " + KeyGroups.UPPER_BOUND_MAX_PARALLELISM + "] but was "
              + maxParallelism);
    }
    if (range.endInclusive() >= maxParallelism) {
      throw new IllegalArgumentException(
          "Key-group range " + range + " exceeds maxParallelism " + maxParallelism);
    }
    this.maxParallelism = maxParallelism;
    this.start = range.start();
    this.endInclusive = range.endInclusive();
  }

  /** The slot of {@code key}; throws if the key is null or belongs to another task. */
  public int indexOf(Object key) {
    return keyGroupOf(key) - start;
  }

  /** The key group of {@code key}; throws if the key is null or belongs to another task. */
  public int keyGroupOf(Object key) {
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
    return keyGroup;
  }

  /**
   * Checks that a key read from the stream of slot {@code index} hashes there again. It fails when
   * a key type's hash is not the same in every JVM: the state would be unreachable.
   */
  public void checkRestoredKey(Object key, int index, String stateName) {
    int keyGroup = KeyGroups.forHash(KeyGroups.hash(key), maxParallelism);
    if (keyGroup != start + index) {
      throw new IllegalStateException(
          "Key " + key + " of state '" + stateName + "' was snapshotted in key group "
              + (start + index) + " but hashes to key group " + keyGroup
              + " now; its hashCode is not deterministic across JVMs");
    }
  }

  public int size() {
    return endInclusive - start + 1;
  }
}
