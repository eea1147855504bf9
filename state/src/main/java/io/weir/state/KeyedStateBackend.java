package io.weir.state;

import io.weir.state.serialization.TypeSerializer;
import java.io.IOException;

/**
 * The keyed state of one parallel instance of one keyed operator: the key groups of {@link
 * #keyGroupRange()} out of {@link #maxParallelism()}. Created by {@link StateBackends#createKeyed};
 * the same API whatever the {@link StateBackendKind}.
 *
 * <p><b>Declaring state.</b> An operator declares its states by name in {@code open()} and keeps
 * the returned objects in fields:
 *
 * <pre>{@code
 * counts = backend.valueState(new ValueStateDescriptor<>("count", Serializers.LONG));
 * rows   = backend.listState(new ListStateDescriptor<>("rows", new RowSerializer(inputType)), Serializers.LONG);
 * timers = backend.timerService("window-timers", Serializers.LONG);
 * }</pre>
 *
 * The backend keeps the registry of declared names: declaring a name again with the same kind
 * and serializers returns the same state; with a different one it throws {@link
 * IllegalStateException}. Names are shared by states and timer services.
 *
 * <p><b>Snapshot and restore.</b> The runtime calls {@link #restore} (if it restores) before or
 * after the operator's {@code open()} — either works: state restored before it is declared waits,
 * as bytes, for its declaration, and is checked against it then. It calls {@link #snapshot} at a
 * checkpoint barrier. Both run on the task thread.
 *
 * <p><b>Threads.</b> One task thread only, for the backend and every state and timer service it
 * returned.
 */
public interface KeyedStateBackend<K> extends AutoCloseable {

  int maxParallelism();

  KeyGroupRange keyGroupRange();

  TypeSerializer<K> keySerializer();

  /** Declares a value per key. */
  <V> ValueState<K, V> valueState(ValueStateDescriptor<V> descriptor);

  /** Declares a value per (key, namespace). */
  <N, V> NamespacedValueState<K, N, V> valueState(
      ValueStateDescriptor<V> descriptor, TypeSerializer<N> namespaceSerializer);

  /** Declares a map per key. */
  <UK, UV> MapState<K, UK, UV> mapState(MapStateDescriptor<UK, UV> descriptor);

  /** Declares a map per (key, namespace). */
  <N, UK, UV> NamespacedMapState<K, N, UK, UV> mapState(
      MapStateDescriptor<UK, UV> descriptor, TypeSerializer<N> namespaceSerializer);

  /** Declares a list per key. */
  <V> ListState<K, V> listState(ListStateDescriptor<V> descriptor);

  /** Declares a list per (key, namespace). */
  <N, V> NamespacedListState<K, N, V> listState(
      ListStateDescriptor<V> descriptor, TypeSerializer<N> namespaceSerializer);

  /** Declares timers per (key, namespace, timestamp). */
  <N> TimerService<K, N> timerService(String name, TypeSerializer<N> namespaceSerializer);

  /** Declares timers per (key, timestamp), with {@link VoidNamespace} as the namespace. */
  default TimerService<K, VoidNamespace> timerService(String name) {
    return timerService(name, VoidNamespace.SERIALIZER);
  }

  /**
   * Writes every key group of {@link #keyGroupRange()} to its own stream of {@code writer}, in
   * ascending order, states and timers included. Synchronous for now: the task thread does not
   * process while this runs. The heap layout is ready for a copy-on-write variant that returns
   * at once and writes on another thread (see {@code HeapKeyedStateBackend}).
   */
  void snapshot(KeyGroupSnapshotWriter writer) throws IOException;

  /**
   * Starts a snapshot to be written on another thread, and returns at once: the task may go on
   * changing state, the snapshot still holds the state as it was now. The default takes the
   * snapshot into memory right away; the heap backend serialises lazily, key group by key group
   * (see {@code SnapshotGuard}). A backend has at most one such snapshot in flight: starting the
   * next one first completes the previous one on the task thread.
   */
  default AsyncKeyedSnapshot snapshotAsync() throws IOException {
    MemoryKeyGroupSnapshot memory = new MemoryKeyGroupSnapshot();
    snapshot(memory);
    return writer -> {
      for (int keyGroup : memory.keyGroups()) {
        writer.startKeyGroup(keyGroup).write(memory.bytes(keyGroup));
      }
    };
  }

  /**
   * Reads back the key groups of {@link #keyGroupRange()} that {@code reader} holds; others are
   * ignored, so one reader may span several old tasks' snapshots ({@link
   * KeyGroupSnapshotReader#union}). Call it once, before the first row is processed.
   *
   * @throws IncompatibleStateException if a restored state does not fit its declaration
   */
  void restore(KeyGroupSnapshotReader reader) throws IOException;

  /** Releases all state. Idempotent. */
  @Override
  void close();
}
