package io.weir.state;

/**
 * One value per key. Declared with {@link KeyedStateBackend#valueState(ValueStateDescriptor)}.
 *
 * <pre>{@code
 * Long n = counts.get(key);
 * counts.put(key, n == null ? 1L : n + 1);
 * }</pre>
 *
 * <p>Called only on the task thread that owns the backend. Every key must belong to the backend's
 * key-group range; an access with a foreign key (a routing bug) throws {@link
 * IllegalArgumentException}.
 */
public interface ValueState<K, V> {

  /** The value of {@code key}, or null if there is none. */
  V get(K key);

  /** Sets the value of {@code key}; a null {@code value} clears it. The value is not copied. */
  void put(K key, V value);

  /** Removes the value of {@code key}, if any. */
  void clear(K key);
}
