package io.weir.state;

import java.util.List;

/**
 * A list per (key, namespace), e.g. the rows of a window. Declared with {@link
 * KeyedStateBackend#listState(ListStateDescriptor, io.weir.state.serialization.TypeSerializer)}.
 * Contract as {@link ListState}; namespaces are not null.
 */
public interface NamespacedListState<K, N, V> {

  void add(K key, N namespace, V value);

  List<V> get(K key, N namespace);

  void update(K key, N namespace, List<V> values);

  void clear(K key, N namespace);
}
