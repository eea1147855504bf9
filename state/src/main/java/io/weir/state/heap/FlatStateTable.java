package io.weir.state.heap;

import io.weir.state.internal.KeyGroupIndexer;
import io.weir.state.serialization.TypeSerializer;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** A {@link StateTable} without namespaces: per key group, a map from key to {@code S}. */
final class FlatStateTable<K, S> extends StateTable<K, Object, S> {
  private final HashMap<K, S>[] maps;

  @SuppressWarnings("unchecked")
  FlatStateTable(KeyGroupIndexer indexer, SnapshotGuard guard, TypeSerializer<K> keySerializer) {
    super(indexer, guard, keySerializer);
    this.maps = new HashMap[indexer.size()];
  }

  @Override
  S get(K key, Object ignored) {
    HashMap<K, S> map = maps[guard.touch(indexer.indexOf(key))];
    return map == null ? null : map.get(key);
  }

  @Override
  void put(K key, Object ignored, S state) {
    int index = guard.touch(indexer.indexOf(key));
    HashMap<K, S> map = maps[index];
    if (map == null) {
      maps[index] = map = new HashMap<>();
    }
    map.put(key, state);
  }

  @Override
  void remove(K key, Object ignored) {
    HashMap<K, S> map = maps[guard.touch(indexer.indexOf(key))];
    if (map != null) {
      map.remove(key);
    }
  }

  @Override
  boolean hasData(int index) {
    HashMap<K, S> map = maps[index];
    return map != null && !map.isEmpty();
  }

  @Override
  void write(int index, DataOutput out, StateCodec<S> codec) throws IOException {
    HashMap<K, S> map = maps[index];
    out.writeInt(map == null ? 0 : map.size());
    if (map != null) {
      for (Map.Entry<K, S> e : map.entrySet()) {
        keySerializer.serialize(e.getKey(), out);
        codec.write(e.getValue(), out);
      }
    }
  }

  @Override
  void read(int index, DataInput in, StateCodec<S> codec, String stateName) throws IOException {
    int count = in.readInt();
    if (count == 0) {
      return;
    }
    HashMap<K, S> map = maps[index];
    if (map == null) {
      maps[index] = map = new HashMap<>();
    }
    for (int i = 0; i < count; i++) {
      K key = keySerializer.deserialize(in);
      indexer.checkRestoredKey(key, index, stateName);
      map.put(key, codec.read(in));
    }
  }

  @Override
  void clear() {
    Arrays.fill(maps, null);
  }
}
