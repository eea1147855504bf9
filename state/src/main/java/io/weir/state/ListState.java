package io.weir.state;

import java.util.List;

/**
 * A list per key, appended to (e.g. the rows buffered for a key until a timer fires). Declared
 * with {@link KeyedStateBackend#listState(ListStateDescriptor)}. Elements are not null.
 *
 * <p>Called only on the task thread that owns the backend. Foreign keys throw as in {@link
 * ValueState}.
 */
public interface ListState<K, V> {

  /** Appends {@code value} to the list of {@code key}. Not copied. */
  void add(K key, V value);

  /**
   * The list of {@code key}, empty if there is none: a read-only, live view — valid until the next
   * write to this key.
   */
  List<V> get(K key);

  /** Replaces the list of {@code key} by a copy of {@code values}; an empty list clears it. */
  void update(K key, List<V> values);

  /** Removes the list of {@code key}. */
  void clear(K key);
}
