package io.weir.state.heap;

import static io.weir.state.internal.StateSignatures.list;
import static io.weir.state.internal.StateSignatures.map;
import static io.weir.state.internal.StateSignatures.namespaced;
import static io.weir.state.internal.StateSignatures.timers;
import static io.weir.state.internal.StateSignatures.value;
import static java.util.Objects.requireNonNull;

import io.weir.state.AsyncKeyedSnapshot;
import io.weir.state.KeyGroupRange;
import io.weir.state.KeyGroupSnapshotReader;
import io.weir.state.KeyGroupSnapshotWriter;
import io.weir.state.KeyedStateBackend;
import io.weir.state.ListState;
import io.weir.state.ListStateDescriptor;
import io.weir.state.MapState;
import io.weir.state.MapStateDescriptor;
import io.weir.state.NamespacedListState;
import io.weir.state.NamespacedMapState;
import io.weir.state.NamespacedValueState;
import io.weir.state.TimerService;
import io.weir.state.ValueState;
import io.weir.state.ValueStateDescriptor;
import io.weir.state.internal.KeyGroupIndexer;
import io.weir.state.internal.KeyGroupStreamFormat;
import io.weir.state.internal.KeyGroupStreamFormat.Block;
import io.weir.state.internal.ReusableByteArrayOutputStream;
import io.weir.state.internal.StateKind;
import io.weir.state.serialization.TypeSerializer;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Keyed state as hash maps of objects on the Java heap.
 *
 * <p><b>Layout.</b> Every declared state (and timer service) holds one hash map per key group of
 * the range, created on first use: a state without namespace maps key → value; a namespaced one
 * key → namespace → value. An access hashes the key once for its key group and once in the map;
 * nothing else is allocated, apart from the containers a map or list state keeps per key.
 *
 * <p><b>Snapshot.</b> {@link #snapshot} writes, per key group, every state's map of that key
 * group as one block ({@link KeyGroupStreamFormat}). Restoring reads the blocks of the key groups
 * in range, from however many old snapshots; a block of a state that is not declared yet is kept
 * as bytes until it is (and is written again by the next snapshot if it never is, so no state is
 * lost by a restore that precedes {@code open}).
 *
 * <p><b>Asynchronous snapshots.</b> {@link #snapshotAsync} returns at once. The snapshot is then
 * serialised key group by key group — each exactly once, before anything in it changes — by the
 * writer thread in order, or by the task thread itself when it is about to touch a key group the
 * writer has not reached ({@link SnapshotGuard}; every table and timer access passes its key group
 * through it). So values may be mutable and mutated in place (aggregate accumulators are), nothing
 * is copied, and the task pauses at most for one key group at a time.
 *
 * <p>One task thread only; see {@link KeyedStateBackend}.
 */
public final class HeapKeyedStateBackend<K> implements KeyedStateBackend<K> {
  private final TypeSerializer<K> keySerializer;
  private final int maxParallelism;
  private final KeyGroupRange keyGroupRange;
  private final KeyGroupIndexer indexer;
  /** The registry of declared states and timer services, by name, in declaration order. */
  private final Map<String, KeyGroupedState> states = new LinkedHashMap<>();
  /** Restored states not declared yet, by name. */
  private final Map<String, RestoredState> restored = new LinkedHashMap<>();
  private final SnapshotGuard guard = new SnapshotGuard();
  private boolean closed;

  public HeapKeyedStateBackend(
      TypeSerializer<K> keySerializer, int maxParallelism, KeyGroupRange keyGroupRange) {
    this.keySerializer = requireNonNull(keySerializer, "keySerializer");
    this.keyGroupRange = requireNonNull(keyGroupRange, "keyGroupRange");
    this.indexer = new KeyGroupIndexer(maxParallelism, keyGroupRange);
    this.maxParallelism = maxParallelism;
  }

  @Override
  public int maxParallelism() {
    return maxParallelism;
  }

  @Override
  public KeyGroupRange keyGroupRange() {
    return keyGroupRange;
  }

  @Override
  public TypeSerializer<K> keySerializer() {
    return keySerializer;
  }

  @Override
  public <V> ValueState<K, V> valueState(ValueStateDescriptor<V> d) {
    String signature = value(d.serializer());
    return declare(d.name(), StateKind.VALUE, signature,
        () -> new HeapValueState<>(d.name(), signature, flatTable(), d.serializer()));
  }

  @Override
  public <N, V> NamespacedValueState<K, N, V> valueState(
      ValueStateDescriptor<V> d, TypeSerializer<N> namespaceSerializer) {
    String signature = namespaced(value(d.serializer()), namespaceSerializer);
    return declare(d.name(), StateKind.VALUE, signature,
        () -> new HeapValueState<>(
            d.name(), signature, nestedTable(namespaceSerializer), d.serializer()));
  }

  @Override
  public <UK, UV> MapState<K, UK, UV> mapState(MapStateDescriptor<UK, UV> d) {
    String signature = map(d);
    return declare(d.name(), StateKind.MAP, signature,
        () -> new HeapMapState<>(
            d.name(), signature, flatTable(), d.userKeySerializer(), d.valueSerializer()));
  }

  @Override
  public <N, UK, UV> NamespacedMapState<K, N, UK, UV> mapState(
      MapStateDescriptor<UK, UV> d, TypeSerializer<N> namespaceSerializer) {
    String signature = namespaced(map(d), namespaceSerializer);
    return declare(d.name(), StateKind.MAP, signature,
        () -> new HeapMapState<>(
            d.name(), signature, nestedTable(namespaceSerializer), d.userKeySerializer(),
            d.valueSerializer()));
  }

  @Override
  public <V> ListState<K, V> listState(ListStateDescriptor<V> d) {
    String signature = list(d.elementSerializer());
    return declare(d.name(), StateKind.LIST, signature,
        () -> new HeapListState<>(d.name(), signature, flatTable(), d.elementSerializer()));
  }

  @Override
  public <N, V> NamespacedListState<K, N, V> listState(
      ListStateDescriptor<V> d, TypeSerializer<N> namespaceSerializer) {
    String signature = namespaced(list(d.elementSerializer()), namespaceSerializer);
    return declare(d.name(), StateKind.LIST, signature,
        () -> new HeapListState<>(
            d.name(), signature, nestedTable(namespaceSerializer), d.elementSerializer()));
  }

  @Override
  public <N> TimerService<K, N> timerService(String name, TypeSerializer<N> namespaceSerializer) {
    String signature = timers(name, namespaceSerializer);
    return declare(name, StateKind.TIMERS, signature,
        () -> new HeapTimerService<>(name, signature, indexer, guard, keySerializer, namespaceSerializer));
  }

  @Override
  public void snapshot(KeyGroupSnapshotWriter writer) throws IOException {
    checkOpen();
    requireNonNull(writer, "writer");
    completePendingSnapshot();
    List<KeyGroupedState> declared = List.copyOf(states.values());
    ReusableByteArrayOutputStream buffer = new ReusableByteArrayOutputStream(4096);
    DataOutputStream bufferOut = new DataOutputStream(buffer);
    for (int keyGroup = keyGroupRange.start(); keyGroup <= keyGroupRange.endInclusive();
        keyGroup++) {
      DataOutputStream out = writer.startKeyGroup(keyGroup);
      writeKeyGroup(keyGroup - keyGroupRange.start(), declared, restored, out, buffer, bufferOut);
      out.flush();
    }
  }

  /**
   * Starts a snapshot written lazily, key group by key group, by whichever thread needs a key
   * group first: the writer thread in order, or the task thread just before it touches one
   * ({@link SnapshotGuard}). Returns at once.
   */
  @Override
  public AsyncKeyedSnapshot snapshotAsync() throws IOException {
    checkOpen();
    completePendingSnapshot();
    PendingSnapshot snapshot = new PendingSnapshot(List.copyOf(states.values()), new LinkedHashMap<>(restored));
    guard.begin(snapshot);
    return writer -> {
      try {
        for (int keyGroup = keyGroupRange.start(); keyGroup <= keyGroupRange.endInclusive(); keyGroup++) {
          int index = keyGroup - keyGroupRange.start();
          snapshot.ensureWritten(index);
          DataOutputStream out = writer.startKeyGroup(keyGroup);
          out.write(snapshot.bytes[index]);
          out.flush();
          snapshot.bytes[index] = null;
        }
      } finally {
        guard.finish(snapshot);
      }
    };
  }

  /** A snapshot still being written elsewhere is finished here first: two would not be consistent. */
  private void completePendingSnapshot() {
    SnapshotGuard.Pending pending = guard.pending();
    if (pending != null) {
      for (int index = 0; index < keyGroupRange.size(); index++) {
        pending.ensureWritten(index);
      }
    }
  }

  /** One key group's stream: the header, then a block per state that has data there. */
  private void writeKeyGroup(int index, List<KeyGroupedState> declared, Map<String, RestoredState> undeclared,
      DataOutputStream out, ReusableByteArrayOutputStream buffer, DataOutputStream bufferOut) throws IOException {
    int blocks = 0;
    for (KeyGroupedState state : declared) {
      blocks += state.hasData(index) ? 1 : 0;
    }
    for (RestoredState state : undeclared.values()) {
      blocks += state.bytes[index] != null ? 1 : 0;
    }
    KeyGroupStreamFormat.writeHeader(out, keySerializer.signature(), blocks);
    for (KeyGroupedState state : declared) {
      if (state.hasData(index)) {
        buffer.reset();
        state.writeKeyGroup(index, bufferOut);
        KeyGroupStreamFormat.writeBlock(
            out, state.name(), state.kind(), state.signature(), buffer.buffer(), buffer.size());
      }
    }
    for (Map.Entry<String, RestoredState> e : undeclared.entrySet()) {
      RestoredState state = e.getValue();
      byte[] bytes = state.bytes[index];
      if (bytes != null) {
        KeyGroupStreamFormat.writeBlock(out, e.getKey(), state.kind, state.signature, bytes, bytes.length);
      }
    }
  }

  /**
   * A snapshot in flight: the states as declared when it started and each key group's bytes once
   * written. A key group is written exactly once — the first thread to claim it writes it, a
   * second one waits — and before anything in it changes, so the bytes are the state at the start.
   */
  final class PendingSnapshot implements SnapshotGuard.Pending {
    private static final int NOT_WRITTEN = 0;
    private static final int WRITING = 1;
    private static final int WRITTEN = 2;

    private final List<KeyGroupedState> declared;
    private final Map<String, RestoredState> undeclared;
    private final java.util.concurrent.atomic.AtomicIntegerArray status;
    final byte[][] bytes;

    PendingSnapshot(List<KeyGroupedState> declared, Map<String, RestoredState> undeclared) {
      this.declared = declared;
      this.undeclared = undeclared;
      this.status = new java.util.concurrent.atomic.AtomicIntegerArray(keyGroupRange.size());
      this.bytes = new byte[keyGroupRange.size()][];
    }

    @Override
    public void ensureWritten(int index) {
      if (status.get(index) == WRITTEN) {
        return;
      }
      if (status.compareAndSet(index, NOT_WRITTEN, WRITING)) {
        try {
          ReusableByteArrayOutputStream keyGroup = new ReusableByteArrayOutputStream(256);
          ReusableByteArrayOutputStream buffer = new ReusableByteArrayOutputStream(256);
          writeKeyGroup(index, declared, undeclared, new DataOutputStream(keyGroup), buffer,
              new DataOutputStream(buffer));
          bytes[index] = java.util.Arrays.copyOf(keyGroup.buffer(), keyGroup.size());
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        } finally {
          status.set(index, WRITTEN);
        }
        return;
      }
      while (status.get(index) != WRITTEN) {
        Thread.onSpinWait();
      }
    }
  }

  @Override
  public void restore(KeyGroupSnapshotReader reader) throws IOException {
    checkOpen();
    requireNonNull(reader, "reader");
    for (int keyGroup = keyGroupRange.start(); keyGroup <= keyGroupRange.endInclusive();
        keyGroup++) {
      if (reader.contains(keyGroup)) {
        try (DataInputStream in = reader.open(keyGroup)) {
          restoreKeyGroup(keyGroup, in);
        }
      }
    }
  }

  private void restoreKeyGroup(int keyGroup, DataInputStream in) throws IOException {
    int index = keyGroup - keyGroupRange.start();
    int blocks = KeyGroupStreamFormat.readHeader(in, keyGroup, keySerializer.signature());
    for (int b = 0; b < blocks; b++) {
      Block block = KeyGroupStreamFormat.readBlock(in);
      KeyGroupedState state = states.get(block.name());
      if (state != null) {
        KeyGroupStreamFormat.checkFits(
            block.name(), block.kind(), block.signature(), state.kind(), state.signature());
        readBlock(state, index, block.bytes());
      } else {
        RestoredState pending =
            restored.computeIfAbsent(
                block.name(),
                n -> new RestoredState(block.kind(), block.signature(), keyGroupRange.size()));
        KeyGroupStreamFormat.checkFits(
            block.name(), block.kind(), block.signature(), pending.kind, pending.signature);
        pending.bytes[index] = block.bytes();
      }
    }
  }

  @SuppressWarnings("unchecked")
  private <S> S declare(
      String name, StateKind kind, String signature, Supplier<? extends KeyGroupedState> factory) {
    checkOpen();
    KeyGroupedState existing = states.get(name);
    if (existing != null) {
      if (existing.kind() != kind || !existing.signature().equals(signature)) {
        throw new IllegalStateException(
            "State '" + name + "' is already declared as " + existing.signature()
                + "; it cannot be declared again as " + signature);
      }
      return (S) existing;
    }
    RestoredState pending = restored.get(name);
    if (pending != null) {
      KeyGroupStreamFormat.checkFits(name, pending.kind, pending.signature, kind, signature);
    }
    KeyGroupedState state = factory.get();
    if (pending != null) {
      restored.remove(name);
      for (int index = 0; index < pending.bytes.length; index++) {
        if (pending.bytes[index] != null) {
          readBlock(state, index, pending.bytes[index]);
        }
      }
    }
    states.put(name, state);
    return (S) state;
  }

  private static void readBlock(KeyGroupedState state, int index, byte[] bytes) {
    try {
      state.readKeyGroup(index, new DataInputStream(new ByteArrayInputStream(bytes)));
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot read the restored state '" + state.name() + "' (" + state.signature() + "): "
              + e.getMessage(), e);
    }
  }

  private <S> StateTable<K, Object, S> flatTable() {
    return StateTable.flat(indexer, guard, keySerializer);
  }

  private <N, S> StateTable<K, N, S> nestedTable(TypeSerializer<N> namespaceSerializer) {
    requireNonNull(namespaceSerializer, "namespaceSerializer");
    return StateTable.nested(indexer, guard, keySerializer, namespaceSerializer);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("The state backend for key groups " + keyGroupRange
          + " is closed");
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      states.values().forEach(KeyGroupedState::clear);
      states.clear();
      restored.clear();
    }
  }

  @Override
  public String toString() {
    return "HeapKeyedStateBackend" + keyGroupRange + "/" + maxParallelism + states.values();
  }

  /** The blocks of a restored state that is not declared yet, per key-group slot. */
  private static final class RestoredState {
    final StateKind kind;
    final String signature;
    final byte[][] bytes;

    RestoredState(StateKind kind, String signature, int keyGroups) {
      this.kind = kind;
      this.signature = signature;
      this.bytes = new byte[keyGroups][];
    }
  }
}
