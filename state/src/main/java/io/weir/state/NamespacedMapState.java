package io.weir.state;

import java.util.Map;

/**
 * A map per (key, namespace). Declared with {@link KeyedStateBackend#mapState(MapStateDescriptor,
 * io.weir.state.serialization.TypeSerializer)}. Contract as {@link MapState}; namespaces are not
 * null.
 */
public interface NamespacedMapState<K, N, UK, UV> {

  UV get(K key, N namespace, UK userKey);

  void put(K key, N namespace, UK userKey, UV value);

  void remove(K key, N namespace, UK userKey);

  boolean contains(K key, N namespace, UK userKey);

  Iterable<Map.Entry<UK, UV>> entries(K key, N namespace);

  Iterable<UK> keys(K key, N namespace);

  boolean isEmpty(K key, N namespace);

  void clear(K key, N namespace);
}
