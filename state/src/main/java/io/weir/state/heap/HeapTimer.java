package io.weir.state.heap;

/**
 * One timer: identified by (key, namespace, timestamp); ordered by (timestamp, sequence, key
 * group) — the sequence number is the registration order, and it is snapshotted, so timers due at
 * the same time fire in the same order whether or not the job was restored. Sequence numbers are
 * unique within a key group, so the order is total.
 */
final class HeapTimer<K, N> {
  K key;
  N namespace;
  long timestamp;
  long sequence;
  int keyGroupIndex;
  /** Position in the {@link TimerQueue}'s heap array, -1 when not queued. */
  int heapIndex = -1;

  boolean firesBefore(HeapTimer<?, ?> other) {
    if (timestamp != other.timestamp) {
      return timestamp < other.timestamp;
    }
    if (sequence != other.sequence) {
      return sequence < other.sequence;
    }
    return keyGroupIndex < other.keyGroupIndex;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HeapTimer<?, ?> t
        && t.timestamp == timestamp
        && t.key.equals(key)
        && t.namespace.equals(namespace);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * key.hashCode() + namespace.hashCode()) + Long.hashCode(timestamp);
  }

  @Override
  public String toString() {
    return "Timer(" + key + ", " + namespace + ", " + timestamp + ")";
  }
}
