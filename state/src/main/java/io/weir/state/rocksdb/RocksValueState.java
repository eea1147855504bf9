package io.weir.state.rocksdb;

import io.weir.state.NamespacedValueState;
import io.weir.state.ValueState;
import io.weir.state.internal.ByteArrayDataInput;
import io.weir.state.serialization.TypeSerializer;
import java.io.IOException;
import java.util.Arrays;

/** Both value-state interfaces: one entry {@code keyGroup | id | key | [namespace] → value}. */
final class RocksValueState<K, N, V> extends AbstractRocksState<K, N>
    implements ValueState<K, V>, NamespacedValueState<K, N, V> {
  private final TypeSerializer<V> valueSerializer;

  RocksValueState(
      RocksDBKeyedStateBackend<K> backend, StateRegistry.Entry entry,
      TypeSerializer<N> namespaceSerializer, TypeSerializer<V> valueSerializer) {
    super(backend, entry, namespaceSerializer);
    this.valueSerializer = valueSerializer;
  }

  @Override
  public V get(K key) {
    return get(key, null);
  }

  @Override
  public void put(K key, V value) {
    put(key, null, value);
  }

  @Override
  public void clear(K key) {
    clear(key, null);
  }

  @Override
  public V get(K key, N namespace) {
    startKey(key, namespace, -1);
    byte[] bytes = store.get(keys);
    if (bytes == null) {
      return null;
    }
    in.reset(bytes);
    return read(valueSerializer);
  }

  @Override
  public void put(K key, N namespace, V value) {
    if (value == null) {
      clear(key, namespace);
      return;
    }
    startKey(key, namespace, -1);
    values.reset();
    write(valueSerializer, value, values);
    store.put(keys, values);
  }

  @Override
  public void clear(K key, N namespace) {
    startKey(key, namespace, -1);
    store.delete(keys);
  }

  /** Block: {@code count:int, count × (key [namespace] value)}. */
  @Override
  void restoreBlock(int keyGroup, byte[] block, RocksStore.Batch batch) throws IOException {
    ByteArrayDataInput input = new ByteArrayDataInput().reset(block);
    int count = input.readInt();
    for (int i = 0; i < count; i++) {
      int start = input.position();
      int keyEnd = skipKeyAndNamespace(input, keyGroup);
      valueSerializer.deserialize(input);
      KeyLayout.keyGroupAndState(keys, keyGroup, entry.id);
      keys.write(block, start, keyEnd - start);
      batch.put(keys, Arrays.copyOfRange(block, keyEnd, input.position()));
    }
  }
}
