package io.weir.state.heap;

import io.weir.state.internal.KeyGroupIndexer;
import io.weir.state.serialization.TypeSerializer;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * What a heap state keeps: an {@code S} per (key, namespace), in one hash map per key group so a
 * snapshot visits one key group at a time. Maps are created on the first write to their key
 * group, so a sparse table costs little. Stored {@code S}s are never null.
 *
 * <p>Snapshot layout of one key group: {@code count:int, count × (key [namespace] S)}.
 */
abstract class StateTable<K, N, S> {
  final KeyGroupIndexer indexer;
  /** Every get, put and remove passes its key group through it: see {@link SnapshotGuard}. */
  final SnapshotGuard guard;
  final TypeSerializer<K> keySerializer;

  StateTable(KeyGroupIndexer indexer, SnapshotGuard guard, TypeSerializer<K> keySerializer) {
    this.indexer = indexer;
    this.guard = guard;
    this.keySerializer = keySerializer;
  }

  /** A table without namespaces: one map from key to {@code S}; {@code N} is ignored. */
  static <K, S> StateTable<K, Object, S> flat(
      KeyGroupIndexer indexer, SnapshotGuard guard, TypeSerializer<K> keySerializer) {
    return new FlatStateTable<>(indexer, guard, keySerializer);
  }

  /** A table of maps from key to namespace to {@code S}. */
  static <K, N, S> StateTable<K, N, S> nested(
      KeyGroupIndexer indexer, SnapshotGuard guard, TypeSerializer<K> keySerializer,
      TypeSerializer<N> namespaceSerializer) {
    return new NestedStateTable<>(indexer, guard, keySerializer, namespaceSerializer);
  }

  abstract S get(K key, N namespace);

  abstract void put(K key, N namespace, S state);

  abstract void remove(K key, N namespace);

  abstract boolean hasData(int index);

  abstract void write(int index, DataOutput out, StateCodec<S> codec) throws IOException;

  /** Adds the entries of one key group's stream; checks each key belongs there. */
  abstract void read(int index, DataInput in, StateCodec<S> codec, String stateName)
      throws IOException;

  abstract void clear();
}
