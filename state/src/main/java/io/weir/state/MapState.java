package io.weir.state;

import java.util.Map;

/**
 * A map per key, addressed by user key (e.g. the rows of a join side, keyed by join key then by
 * row). Declared with {@link KeyedStateBackend#mapState(MapStateDescriptor)}. User keys need
 * {@code equals}/{@code hashCode}; values may be null.
 *
 * <p>Iteration follows insertion order, and that order survives a snapshot and restore, so an
 * operator that emits while iterating produces the same output whether or not it was restored.
 *
 * <p>Called only on the task thread that owns the backend. The views {@link #entries} and {@link
 * #keys} are read-only and live: do not modify this key's map while iterating them (collect
 * first, then remove). Foreign keys throw as in {@link ValueState}.
 */
public interface MapState<K, UK, UV> {

  /** The value under {@code userKey} in the map of {@code key}, or null if there is none. */
  UV get(K key, UK userKey);

  /** Puts {@code value} under {@code userKey} in the map of {@code key}. Not copied. */
  void put(K key, UK userKey, UV value);

  /** Removes {@code userKey} from the map of {@code key}, if present. */
  void remove(K key, UK userKey);

  /** True if the map of {@code key} holds {@code userKey} (even with a null value). */
  boolean contains(K key, UK userKey);

  /** The entries of the map of {@code key}, possibly empty; read-only. */
  Iterable<Map.Entry<UK, UV>> entries(K key);

  /** The user keys of the map of {@code key}, possibly empty; read-only. */
  Iterable<UK> keys(K key);

  /** True if {@code key} has no entries. */
  boolean isEmpty(K key);

  /** Removes the whole map of {@code key}. */
  void clear(K key);
}
