package io.weir.state.heap;

import io.weir.state.MapState;
import io.weir.state.NamespacedMapState;
import io.weir.state.internal.StateKind;
import io.weir.state.serialization.TypeSerializer;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Both map-state interfaces over a table of {@link LinkedHashMap}s: insertion order is what
 * iteration and snapshots follow, so output that depends on it is the same after a restore. An
 * emptied map is removed from the table.
 */
final class HeapMapState<K, N, UK, UV> extends AbstractHeapState<K, N, LinkedHashMap<UK, UV>>
    implements MapState<K, UK, UV>, NamespacedMapState<K, N, UK, UV> {

  HeapMapState(
      String name, String signature, StateTable<K, N, LinkedHashMap<UK, UV>> table,
      TypeSerializer<UK> userKeySerializer, TypeSerializer<UV> valueSerializer) {
    super(name, StateKind.MAP, signature, table, new Codec<>(userKeySerializer, valueSerializer));
  }

  @Override
  public UV get(K key, UK userKey) {
    return get(key, null, userKey);
  }

  @Override
  public void put(K key, UK userKey, UV value) {
    put(key, null, userKey, value);
  }

  @Override
  public void remove(K key, UK userKey) {
    remove(key, null, userKey);
  }

  @Override
  public boolean contains(K key, UK userKey) {
    return contains(key, null, userKey);
  }

  @Override
  public Iterable<Map.Entry<UK, UV>> entries(K key) {
    return entries(key, null);
  }

  @Override
  public Iterable<UK> keys(K key) {
    return keys(key, null);
  }

  @Override
  public boolean isEmpty(K key) {
    return table.get(key, null) == null;
  }

  @Override
  public void clear(K key) {
    table.remove(key, null);
  }

  @Override
  public UV get(K key, N namespace, UK userKey) {
    LinkedHashMap<UK, UV> map = table.get(key, namespace);
    return map == null ? null : map.get(userKey);
  }

  @Override
  public void put(K key, N namespace, UK userKey, UV value) {
    LinkedHashMap<UK, UV> map = table.get(key, namespace);
    if (map == null) {
      map = new LinkedHashMap<>(4);
      table.put(key, namespace, map);
    }
    map.put(userKey, value);
  }

  @Override
  public void remove(K key, N namespace, UK userKey) {
    LinkedHashMap<UK, UV> map = table.get(key, namespace);
    if (map != null) {
      map.remove(userKey);
      if (map.isEmpty()) {
        table.remove(key, namespace);
      }
    }
  }

  @Override
  public boolean contains(K key, N namespace, UK userKey) {
    LinkedHashMap<UK, UV> map = table.get(key, namespace);
    return map != null && map.containsKey(userKey);
  }

  @Override
  public Iterable<Map.Entry<UK, UV>> entries(K key, N namespace) {
    LinkedHashMap<UK, UV> map = table.get(key, namespace);
    return map == null ? Collections.emptySet() : Collections.unmodifiableMap(map).entrySet();
  }

  @Override
  public Iterable<UK> keys(K key, N namespace) {
    LinkedHashMap<UK, UV> map = table.get(key, namespace);
    return map == null ? Collections.emptySet() : Collections.unmodifiableSet(map.keySet());
  }

  @Override
  public boolean isEmpty(K key, N namespace) {
    return table.get(key, namespace) == null;
  }

  @Override
  public void clear(K key, N namespace) {
    table.remove(key, namespace);
  }

  /** {@code size:int, size × (userKey present:bool [value])}. */
  private record Codec<UK, UV>(TypeSerializer<UK> keys, TypeSerializer<UV> values)
      implements StateCodec<LinkedHashMap<UK, UV>> {
    @Override
    public void write(LinkedHashMap<UK, UV> map, DataOutput out) throws IOException {
      out.writeInt(map.size());
      for (Map.Entry<UK, UV> e : map.entrySet()) {
        keys.serialize(e.getKey(), out);
        UV value = e.getValue();
        out.writeBoolean(value != null);
        if (value != null) {
          values.serialize(value, out);
        }
      }
    }

    @Override
    public LinkedHashMap<UK, UV> read(DataInput in) throws IOException {
      int size = in.readInt();
      LinkedHashMap<UK, UV> map = new LinkedHashMap<>(Math.max(4, (int) (size / 0.75f) + 1));
      for (int i = 0; i < size; i++) {
        UK key = keys.deserialize(in);
        map.put(key, in.readBoolean() ? values.deserialize(in) : null);
      }
      return map;
    }
  }
}
