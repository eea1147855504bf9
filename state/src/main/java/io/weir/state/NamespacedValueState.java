package io.weir.state;

/**
 * One value per (key, namespace), e.g. an accumulator per (key, window). Declared with {@link
 * KeyedStateBackend#valueState(ValueStateDescriptor, io.weir.state.serialization.TypeSerializer)}.
 * Contract as {@link ValueState}; namespaces are not null.
 */
public interface NamespacedValueState<K, N, V> {

  /** The value of ({@code key}, {@code namespace}), or null if there is none. */
  V get(K key, N namespace);

  /** Sets the value; a null {@code value} clears it. The value is not copied. */
  void put(K key, N namespace, V value);

  /** Removes the value of ({@code key}, {@code namespace}), if any. */
  void clear(K key, N namespace);
}
