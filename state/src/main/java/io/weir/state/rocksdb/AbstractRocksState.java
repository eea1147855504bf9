package io.weir.state.rocksdb;

import io.weir.state.internal.ByteArrayDataInput;
import io.weir.state.internal.ByteArrayDataOutput;
import io.weir.state.internal.KeyGroupIndexer;
import io.weir.state.internal.StateKind;
import io.weir.state.serialization.TypeSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A declared RocksDB state: its registry entry (name, id) and how to build its keys. All states
 * of a backend share the backend's key and value buffers; every method finishes with them before
 * it returns, so a timer callback or a map iteration may touch other states freely.
 *
 * @param <N> the namespace type; {@code namespaceSerializer} is null for states without one
 */
abstract class AbstractRocksState<K, N> {
  final StateRegistry.Entry entry;
  final RocksStore store;
  final KeyGroupIndexer indexer;
  final int firstKeyGroup;
  final TypeSerializer<K> keySerializer;
  final TypeSerializer<N> namespaceSerializer;
  final ByteArrayDataOutput keys;
  final ByteArrayDataOutput values;
  final ByteArrayDataInput in;
  final RocksDBKeyedStateBackend<K> backend;

  AbstractRocksState(
      RocksDBKeyedStateBackend<K> backend, StateRegistry.Entry entry,
      TypeSerializer<N> namespaceSerializer) {
    this.backend = backend;
    this.entry = entry;
    this.store = backend.store;
    this.indexer = backend.indexer;
    this.firstKeyGroup = backend.keyGroupRange().start();
    this.keySerializer = backend.keySerializer();
    this.namespaceSerializer = namespaceSerializer;
    this.keys = backend.keys;
    this.values = backend.values;
    this.in = backend.in;
  }

  final String name() {
    return entry.name;
  }

  final StateKind kind() {
    return entry.kind;
  }

  final String signature() {
    return entry.signature;
  }

  /**
   * Writes {@code keyGroup | id | [sub] | key | [namespace]} into {@link #keys} and returns the
   * key group. {@code sub} is omitted when negative; the namespace when the state has none.
   */
  final int startKey(K key, N namespace, int sub) {
    int keyGroup = indexer.keyGroupOf(key);
    if (namespaceSerializer != null && namespace == null) {
      throw new NullPointerException("A state namespace must not be null (key " + key + ")");
    }
    KeyLayout.keyGroupAndState(keys, keyGroup, entry.id);
    if (sub >= 0) {
      keys.writeByte(sub);
    }
    write(keySerializer, key, keys);
    if (namespaceSerializer != null) {
      write(namespaceSerializer, namespace, keys);
    }
    return keyGroup;
  }

  static <T> void write(TypeSerializer<T> serializer, T value, ByteArrayDataOutput out) {
    try {
      serializer.serialize(value, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads one value from {@link #in}, positioned by the caller. */
  final <T> T read(TypeSerializer<T> serializer) {
    try {
      return serializer.deserialize(in);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Corrupt value of state '" + entry.name + "' in RocksDB: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a key and namespace of this state from {@code block} (a snapshot's) at its position,
   * checking the key belongs to {@code keyGroup}, and returns where they end.
   */
  final int skipKeyAndNamespace(ByteArrayDataInput block, int keyGroup) throws IOException {
    K key = keySerializer.deserialize(block);
    indexer.checkRestoredKey(key, keyGroup - firstKeyGroup, entry.name);
    if (namespaceSerializer != null) {
      namespaceSerializer.deserialize(block);
    }
    return block.position();
  }

  /**
   * Adds one key group's block of a snapshot ({@link io.weir.state.internal.KeyGroupStreamFormat},
   * the same bytes the heap backend writes) to this state's entries.
   */
  abstract void restoreBlock(int keyGroup, byte[] block, RocksStore.Batch batch) throws IOException;

  /** Called after a restore changed the DB under this state: rebuild what is cached in memory. */
  void reload() {}

  @Override
  public String toString() {
    return entry.name + ": " + entry.signature;
  }
}
