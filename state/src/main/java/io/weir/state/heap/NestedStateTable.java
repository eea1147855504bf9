package io.weir.state.heap;

import io.weir.state.internal.KeyGroupIndexer;
import io.weir.state.serialization.TypeSerializer;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link StateTable} with namespaces: per key group, key → namespace → {@code S}. Key first,
 * because a key has few live namespaces (its open windows), and a lookup then allocates nothing —
 * a composite (key, namespace) map key would allocate on every access. An emptied inner map is
 * dropped, so no key lingers without state.
 */
final class NestedStateTable<K, N, S> extends StateTable<K, N, S> {
  private final TypeSerializer<N> namespaceSerializer;
  private final HashMap<K, HashMap<N, S>>[] maps;

  @SuppressWarnings("unchecked")
  NestedStateTable(
      KeyGroupIndexer indexer, SnapshotGuard guard, TypeSerializer<K> keySerializer,
      TypeSerializer<N> namespaceSerializer) {
    super(indexer, guard, keySerializer);
    this.namespaceSerializer = namespaceSerializer;
    this.maps = new HashMap[indexer.size()];
  }

  @Override
  S get(K key, N namespace) {
    HashMap<K, HashMap<N, S>> map = maps[guard.touch(indexer.indexOf(key))];
    if (map == null) {
      return null;
    }
    HashMap<N, S> inner = map.get(key);
    return inner == null ? null : inner.get(namespace);
  }

  @Override
  void put(K key, N namespace, S state) {
    if (namespace == null) {
      throw new NullPointerException("A state namespace must not be null (key " + key + ")");
    }
    int index = guard.touch(indexer.indexOf(key));
    HashMap<K, HashMap<N, S>> map = maps[index];
    if (map == null) {
      maps[index] = map = new HashMap<>();
    }
    map.computeIfAbsent(key, k -> new HashMap<>(4)).put(namespace, state);
  }

  @Override
  void remove(K key, N namespace) {
    HashMap<K, HashMap<N, S>> map = maps[guard.touch(indexer.indexOf(key))];
    if (map == null) {
      return;
    }
    HashMap<N, S> inner = map.get(key);
    if (inner != null && inner.remove(namespace) != null && inner.isEmpty()) {
      map.remove(key);
    }
  }

  @Override
  boolean hasData(int index) {
    HashMap<K, HashMap<N, S>> map = maps[index];
    return map != null && !map.isEmpty();
  }

  @Override
  void write(int index, DataOutput out, StateCodec<S> codec) throws IOException {
    HashMap<K, HashMap<N, S>> map = maps[index];
    int count = 0;
    if (map != null) {
      for (HashMap<N, S> inner : map.values()) {
        count += inner.size();
      }
    }
    out.writeInt(count);
    if (map != null) {
      for (Map.Entry<K, HashMap<N, S>> e : map.entrySet()) {
        for (Map.Entry<N, S> ns : e.getValue().entrySet()) {
          keySerializer.serialize(e.getKey(), out);
          namespaceSerializer.serialize(ns.getKey(), out);
          codec.write(ns.getValue(), out);
        }
      }
    }
  }

  @Override
  void read(int index, DataInput in, StateCodec<S> codec, String stateName) throws IOException {
    int count = in.readInt();
    if (count == 0) {
      return;
    }
    HashMap<K, HashMap<N, S>> map = maps[index];
    if (map == null) {
      maps[index] = map = new HashMap<>();
    }
    for (int i = 0; i < count; i++) {
      K key = keySerializer.deserialize(in);
      indexer.checkRestoredKey(key, index, stateName);
      N namespace = namespaceSerializer.deserialize(in);
      map.computeIfAbsent(key, k -> new HashMap<>(4)).put(namespace, codec.read(in));
    }
  }

  @Override
  void clear() {
    Arrays.fill(maps, null);
  }
}
