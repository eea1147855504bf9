package io.weir.state.heap;

import io.weir.state.internal.KeyGroupIndexer;
import io.weir.state.serialization.TypeSerializer;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;

/**
 * The timers of one time domain: a set per key group (deduplication, snapshots) and one binary
 * min-heap over all of them (firing order). Each timer knows its heap position, so deleting one
 * is O(log n), not a scan. Registering a timer that exists allocates nothing: the lookup goes
 * through a reused probe.
 */
final class TimerQueue<K, N> {
  private final KeyGroupIndexer indexer;
  private final SnapshotGuard guard;
  private final HashMap<HeapTimer<K, N>, HeapTimer<K, N>>[] byKeyGroup;
  private final HeapTimer<K, N> probe = new HeapTimer<>();
  @SuppressWarnings("unchecked")
  private HeapTimer<K, N>[] heap = new HeapTimer[64];
  private int size;
  private long nextSequence;

  @SuppressWarnings("unchecked")
  TimerQueue(KeyGroupIndexer indexer, SnapshotGuard guard) {
    this.indexer = indexer;
    this.guard = guard;
    this.byKeyGroup = new HashMap[indexer.size()];
  }

  /** Adds the timer unless it exists. */
  void add(K key, N namespace, long timestamp) {
    if (namespace == null) {
      throw new NullPointerException(
          "A timer namespace must not be null (key " + key + "); use VoidNamespace.INSTANCE");
    }
    int index = guard.touch(indexer.indexOf(key));
    HashMap<HeapTimer<K, N>, HeapTimer<K, N>> set = byKeyGroup[index];
    if (set == null) {
      byKeyGroup[index] = set = new HashMap<>();
    } else if (set.containsKey(probe(key, namespace, timestamp))) {
      releaseProbe();
      return;
    }
    releaseProbe();
    insert(set, key, namespace, timestamp, nextSequence++, index);
  }

  /** Removes the timer if it exists. */
  void remove(K key, N namespace, long timestamp) {
    HashMap<HeapTimer<K, N>, HeapTimer<K, N>> set = byKeyGroup[guard.touch(indexer.indexOf(key))];
    if (set == null) {
      return;
    }
    HeapTimer<K, N> timer = set.remove(probe(key, namespace, timestamp));
    releaseProbe();
    if (timer != null) {
      removeAt(timer.heapIndex);
    }
  }

  /** The earliest timer, or null. */
  HeapTimer<K, N> peek() {
    return size == 0 ? null : heap[0];
  }

  /** Removes and returns the earliest timer, which must exist. */
  HeapTimer<K, N> poll() {
    HeapTimer<K, N> timer = heap[0];
    byKeyGroup[guard.touch(timer.keyGroupIndex)].remove(timer);
    removeAt(0);
    return timer;
  }

  int size() {
    return size;
  }

  boolean hasData(int index) {
    HashMap<HeapTimer<K, N>, HeapTimer<K, N>> set = byKeyGroup[index];
    return set != null && !set.isEmpty();
  }

  /** {@code count:int, count × (key namespace timestamp:long sequence:long)}. */
  void write(
      int index, DataOutput out, TypeSerializer<K> keySerializer,
      TypeSerializer<N> namespaceSerializer) throws IOException {
    HashMap<HeapTimer<K, N>, HeapTimer<K, N>> set = byKeyGroup[index];
    out.writeInt(set == null ? 0 : set.size());
    if (set != null) {
      for (HeapTimer<K, N> timer : set.keySet()) {
        keySerializer.serialize(timer.key, out);
        namespaceSerializer.serialize(timer.namespace, out);
        out.writeLong(timer.timestamp);
        out.writeLong(timer.sequence);
      }
    }
  }

  void read(
      int index, DataInput in, TypeSerializer<K> keySerializer,
      TypeSerializer<N> namespaceSerializer, String name) throws IOException {
    int count = in.readInt();
    if (count == 0) {
      return;
    }
    HashMap<HeapTimer<K, N>, HeapTimer<K, N>> set = byKeyGroup[index];
    if (set == null) {
      byKeyGroup[index] = set = new HashMap<>();
    }
    for (int i = 0; i < count; i++) {
      K key = keySerializer.deserialize(in);
      indexer.checkRestoredKey(key, index, name);
      N namespace = namespaceSerializer.deserialize(in);
      long timestamp = in.readLong();
      long sequence = in.readLong();
      if (!set.containsKey(probe(key, namespace, timestamp))) {
        insert(set, key, namespace, timestamp, sequence, index);
      }
      releaseProbe();
      nextSequence = Math.max(nextSequence, sequence + 1);
    }
  }

  void clear() {
    Arrays.fill(byKeyGroup, null);
    Arrays.fill(heap, 0, size, null);
    size = 0;
  }

  private HeapTimer<K, N> probe(K key, N namespace, long timestamp) {
    probe.key = key;
    probe.namespace = namespace;
    probe.timestamp = timestamp;
    return probe;
  }

  /** Drops the probe's references so it does not keep a key alive. */
  private void releaseProbe() {
    probe.key = null;
    probe.namespace = null;
  }

  private void insert(
      HashMap<HeapTimer<K, N>, HeapTimer<K, N>> set, K key, N namespace, long timestamp,
      long sequence, int index) {
    HeapTimer<K, N> timer = new HeapTimer<>();
    timer.key = key;
    timer.namespace = namespace;
    timer.timestamp = timestamp;
    timer.sequence = sequence;
    timer.keyGroupIndex = index;
    set.put(timer, timer);
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    timer.heapIndex = size;
    heap[size++] = timer;
    siftUp(timer.heapIndex);
  }

  private void removeAt(int i) {
    HeapTimer<K, N> removed = heap[i];
    removed.heapIndex = -1;
    int last = --size;
    if (i != last) {
      HeapTimer<K, N> moved = heap[last];
      heap[i] = moved;
      moved.heapIndex = i;
      heap[last] = null;
      siftDown(i);
      if (heap[i] == moved) {
        siftUp(i);
      }
    } else {
      heap[last] = null;
    }
  }

  private void siftUp(int i) {
    HeapTimer<K, N> timer = heap[i];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      HeapTimer<K, N> p = heap[parent];
      if (!timer.firesBefore(p)) {
        break;
      }
      heap[i] = p;
      p.heapIndex = i;
      i = parent;
    }
    heap[i] = timer;
    timer.heapIndex = i;
  }

  private void siftDown(int i) {
    HeapTimer<K, N> timer = heap[i];
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      HeapTimer<K, N> c = heap[child];
      int right = child + 1;
      if (right < size && heap[right].firesBefore(c)) {
        child = right;
        c = heap[right];
      }
      if (!c.firesBefore(timer)) {
        break;
      }
      heap[i] = c;
      c.heapIndex = i;
      i = child;
    }
    heap[i] = timer;
    timer.heapIndex = i;
  }
}
