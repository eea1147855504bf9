package io.weir.state.rocksdb;

import static io.weir.state.rocksdb.KeyLayout.BY_IDENTITY;
import static io.weir.state.rocksdb.KeyLayout.EVENT_TIME;
import static io.weir.state.rocksdb.KeyLayout.PROCESSING_TIME;
import static io.weir.state.rocksdb.KeyLayout.STATE_PREFIX;

import io.weir.state.TimerCallback;
import io.weir.state.TimerService;
import io.weir.state.internal.ByteArrayDataInput;
import io.weir.state.internal.TimerClocks;
import io.weir.state.serialization.TypeSerializer;
import java.io.IOException;
import java.util.Arrays;

/**
 * {@link TimerService} in RocksDB, with the heap backend's semantics (order by timestamp, then
 * registration sequence, then key group). Per time domain, two entries per timer:
 *
 * <pre>
 * keyGroup | id | domain     | ts^MIN:8 | seq:8 | key | namespace  → (empty)   sorted by firing order
 * keyGroup | id | domain + 1 | key | namespace | ts^MIN:8          → seq:8     to find a timer by identity
 * </pre>
 *
 * <p><b>Head cache.</b> In memory, each key group's earliest timer (its first entry in firing
 * order) and a min-heap over those heads. "Is a timer due?" looks at the heap's top only, so a
 * watermark with nothing due costs no RocksDB access. A registration updates its key group's
 * head when it fires earlier; firing or deleting a head reads the key group's next one with a
 * seek that starts at the removed key — every remaining timer of that key group sorts after it,
 * so the seek never walks over the deleted entries in front of it.
 */
final class RocksTimerService<K, N> extends AbstractRocksState<K, N>
    implements TimerService<K, N> {
  /** Offsets in a timer's by-time key. */
  static final int TIMESTAMP = STATE_PREFIX + 1;
  static final int SEQUENCE = TIMESTAMP + 8;
  static final int KEY = SEQUENCE + 8;
  private static final byte[] EMPTY = new byte[0];

  private final Domain eventTime = new Domain(EVENT_TIME);
  private final Domain processingTime = new Domain(PROCESSING_TIME);
  private final TimerClocks clocks;

  RocksTimerService(
      RocksDBKeyedStateBackend<K> backend, StateRegistry.Entry entry,
      TypeSerializer<N> namespaceSerializer) {
    super(backend, entry, namespaceSerializer);
    this.clocks = new TimerClocks(entry.name);
    reload();
  }

  @Override
  public void registerEventTimeTimer(K key, N namespace, long timestamp) {
    eventTime.add(key, namespace, timestamp);
  }

  @Override
  public void deleteEventTimeTimer(K key, N namespace, long timestamp) {
    eventTime.remove(key, namespace, timestamp);
  }

  @Override
  public void registerProcessingTimeTimer(K key, N namespace, long timestamp) {
    processingTime.add(key, namespace, timestamp);
  }

  @Override
  public void deleteProcessingTimeTimer(K key, N namespace, long timestamp) {
    processingTime.remove(key, namespace, timestamp);
  }

  @Override
  public void advanceWatermark(long watermark, TimerCallback<K, N> callback) {
    clocks.advanceWatermark(watermark, upTo -> fireNext(eventTime, upTo, callback));
  }

  @Override
  public void advanceProcessingTime(long time, TimerCallback<K, N> callback) {
    clocks.advanceProcessingTime(time, upTo -> fireNext(processingTime, upTo, callback));
  }

  private boolean fireNext(Domain domain, long upTo, TimerCallback<K, N> callback) {
    int index = domain.top();
    if (index < 0 || domain.timestamps[index] > upTo) {
      return false;
    }
    byte[] timer = domain.heads[index];
    long timestamp = domain.timestamps[index];
    in.reset(timer, KEY, timer.length - KEY);
    K key = read(keySerializer);
    N namespace = read(namespaceSerializer);
    domain.delete(index, timer);
    callback.onTimer(key, namespace, timestamp);
    return true;
  }

  @Override
  public long currentWatermark() {
    return clocks.watermark();
  }

  @Override
  public long currentProcessingTime() {
    return clocks.processingTime();
  }

  @Override
  public long nextProcessingTimeTimer() {
    int index = processingTime.top();
    return index < 0 ? Long.MAX_VALUE : processingTime.timestamps[index];
  }

  @Override
  public int size() {
    return eventTime.count + processingTime.count;
  }

  /** Re-reads heads and counts from RocksDB: after a restore, and at declaration. */
  @Override
  void reload() {
    eventTime.reload();
    processingTime.reload();
  }

  /**
   * Block: per domain (event time, then processing time) {@code count:int, count × (key namespace
   * timestamp:long sequence:long)}. Sequence numbers are kept, so equal timestamps fire in the
   * order they did before the snapshot.
   */
  @Override
  void restoreBlock(int keyGroup, byte[] block, RocksStore.Batch batch) throws IOException {
    ByteArrayDataInput input = new ByteArrayDataInput().reset(block);
    for (Domain domain : java.util.List.of(eventTime, processingTime)) {
      int count = input.readInt();
      for (int i = 0; i < count; i++) {
        int start = input.position();
        int keyEnd = skipKeyAndNamespace(input, keyGroup);
        long timestamp = input.readLong();
        long seq = input.readLong();
        backend.advanceSequence(seq + 1);
        KeyLayout.keyGroupAndState(keys, keyGroup, entry.id);
        keys.writeByte(domain.sub + BY_IDENTITY);
        keys.write(block, start, keyEnd - start);
        keys.writeLong(KeyLayout.flip(timestamp));
        values.reset();
        values.writeLong(seq);
        batch.put(keys, values.toByteArray());
        batch.put(domain.timerKey(keyGroup, timestamp, seq, block, start, keyEnd), EMPTY);
      }
    }
  }

  /** The timers of one time domain: their entries' sub-space byte and the head cache. */
  private final class Domain {
    final int sub;
    /** Per key-group slot: the earliest timer's key in firing order, or null if none. */
    final byte[][] heads;
    final long[] timestamps;
    final long[] sequences;
    /** A min-heap of slots with a head, by (timestamp, sequence, slot). */
    final int[] heap;
    /** Each slot's position in {@link #heap}, -1 when it has no head. */
    final int[] positions;
    int heapSize;
    int count;

    Domain(int sub) {
      this.sub = sub;
      int slots = indexer.size();
      this.heads = new byte[slots][];
      this.timestamps = new long[slots];
      this.sequences = new long[slots];
      this.heap = new int[slots];
      this.positions = new int[slots];
      Arrays.fill(positions, -1);
    }

    byte[] timerKey(int keyGroup, long timestamp, long seq, byte[] keyBytes, int from, int to) {
      byte[] key = new byte[KEY + to - from];
      key[0] = (byte) (keyGroup >>> 8);
      key[1] = (byte) keyGroup;
      key[2] = (byte) entry.id;
      key[3] = (byte) sub;
      putLong(key, TIMESTAMP, KeyLayout.flip(timestamp));
      putLong(key, SEQUENCE, seq);
      System.arraycopy(keyBytes, from, key, KEY, to - from);
      return key;
    }

    void add(K key, N namespace, long timestamp) {
      if (namespace == null) {
        throw new NullPointerException(
            "A timer namespace must not be null (key " + key + "); use VoidNamespace.INSTANCE");
      }
      int keyGroup = startKey(key, namespace, sub + BY_IDENTITY);
      int keyEnd = keys.size();
      keys.writeLong(KeyLayout.flip(timestamp));
      if (store.get(keys) != null) {
        return;
      }
      long seq = backend.nextSequence();
      values.reset();
      values.writeLong(seq);
      store.put(keys, values);
      byte[] timer = timerKey(keyGroup, timestamp, seq, keys.buffer(), STATE_PREFIX + 1, keyEnd);
      store.put(timer, EMPTY);
      count++;
      int slot = keyGroup - firstKeyGroup;
      if (heads[slot] == null || firesBefore(timestamp, seq, timestamps[slot], sequences[slot])) {
        setHead(slot, timer);
      }
    }

    void remove(K key, N namespace, long timestamp) {
      int keyGroup = startKey(key, namespace, sub + BY_IDENTITY);
      int keyEnd = keys.size();
      keys.writeLong(KeyLayout.flip(timestamp));
      byte[] seqBytes = store.get(keys);
      if (seqBytes == null) {
        return;
      }
      long seq = ByteArrayDataInput.getLong(seqBytes, 0);
      byte[] timer = timerKey(keyGroup, timestamp, seq, keys.buffer(), STATE_PREFIX + 1, keyEnd);
      int slot = keyGroup - firstKeyGroup;
      if (heads[slot] != null && Arrays.equals(heads[slot], timer)) {
        delete(slot, timer);
      } else {
        store.delete(keys);
        store.delete(timer);
        count--;
      }
    }

    /** Deletes the head of {@code slot} (its key is {@code timer}) and reads the next one. */
    void delete(int slot, byte[] timer) {
      store.delete(timer);
      KeyLayout.keyGroupAndState(keys, firstKeyGroup + slot, entry.id);
      keys.writeByte(sub + BY_IDENTITY);
      keys.write(timer, KEY, timer.length - KEY);
      keys.write(timer, TIMESTAMP, 8);
      store.delete(keys);
      count--;
      byte[] prefix = Arrays.copyOf(timer, STATE_PREFIX + 1);
      byte[] next = store.firstKey(timer, prefix);
      if (next == null) {
        clearHead(slot);
      } else {
        setHead(slot, next);
      }
    }

    void reload() {
      Arrays.fill(heads, null);
      Arrays.fill(positions, -1);
      heapSize = 0;
      count = 0;
      for (int slot = 0; slot < heads.length; slot++) {
        int s = slot;
        byte[] prefix = KeyLayout.subPrefix(firstKeyGroup + slot, entry.id, sub);
        store.scan(prefix, (k, v) -> {
          if (heads[s] == null) {
            setHead(s, k);
          }
          backend.advanceSequence(ByteArrayDataInput.getLong(k, SEQUENCE) + 1);
          count++;
          return true;
        });
      }
    }

    int top() {
      return heapSize == 0 ? -1 : heap[0];
    }

    private void setHead(int slot, byte[] timer) {
      heads[slot] = timer;
      timestamps[slot] = KeyLayout.flip(ByteArrayDataInput.getLong(timer, TIMESTAMP));
      sequences[slot] = ByteArrayDataInput.getLong(timer, SEQUENCE);
      if (positions[slot] < 0) {
        positions[slot] = heapSize;
        heap[heapSize++] = slot;
      }
      siftUp(positions[slot]);
      siftDown(positions[slot]);
    }

    private void clearHead(int slot) {
      heads[slot] = null;
      int at = positions[slot];
      positions[slot] = -1;
      int last = heap[--heapSize];
      if (at != heapSize) {
        heap[at] = last;
        positions[last] = at;
        siftUp(at);
        siftDown(positions[last]);
      }
    }

    private boolean before(int a, int b) {
      if (timestamps[a] != timestamps[b] || sequences[a] != sequences[b]) {
        return firesBefore(timestamps[a], sequences[a], timestamps[b], sequences[b]);
      }
      return a < b;
    }

    private void siftUp(int i) {
      int slot = heap[i];
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        if (!before(slot, heap[parent])) {
          break;
        }
        move(heap[parent], i);
        i = parent;
      }
      move(slot, i);
    }

    private void siftDown(int i) {
      int slot = heap[i];
      int half = heapSize >>> 1;
      while (i < half) {
        int child = 2 * i + 1;
        if (child + 1 < heapSize && before(heap[child + 1], heap[child])) {
          child++;
        }
        if (!before(heap[child], slot)) {
          break;
        }
        move(heap[child], i);
        i = child;
      }
      move(slot, i);
    }

    private void move(int slot, int i) {
      heap[i] = slot;
      positions[slot] = i;
    }
  }

  private static boolean firesBefore(long ts, long seq, long otherTs, long otherSeq) {
    return ts != otherTs ? ts < otherTs : seq < otherSeq;
  }

  private static void putLong(byte[] bytes, int offset, long value) {
    for (int i = 0; i < 8; i++) {
      bytes[offset + i] = (byte) (value >>> (56 - 8 * i));
    }
  }
}
