package io.weir.state.rocksdb;

import static io.weir.state.rocksdb.KeyLayout.MAP_ORDER;
import static io.weir.state.rocksdb.KeyLayout.MAP_USER_KEY;

import io.weir.state.MapState;
import io.weir.state.NamespacedMapState;
import io.weir.state.internal.ByteArrayDataInput;
import io.weir.state.serialization.TypeSerializer;
import java.io.IOException;
import java.util.AbstractMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;

/**
 * Both map-state interfaces, keeping the heap backend's insertion order. Two entries per user
 * key:
 *
 * <pre>
 * keyGroup | id | 0 | key | [namespace] | userKey  → seq:8
 * keyGroup | id | 1 | key | [namespace] | seq:8    → userKey present:1 [value]
 * </pre>
 *
 * The sequence number is taken from the backend's counter when a user key is first put (a
 * {@code put} of an existing one keeps it, as {@link java.util.LinkedHashMap} keeps its place),
 * so iterating the second range is iterating in insertion order — what {@link MapState} promises
 * and what the heap backend does, e.g. for a join emitting its matches. Iteration and snapshots
 * scan that range only; the value of an order entry is byte for byte the snapshot's map entry.
 * Point reads cost two lookups (user key → seq → value).
 */
final class RocksMapState<K, N, UK, UV> extends AbstractRocksState<K, N>
    implements MapState<K, UK, UV>, NamespacedMapState<K, N, UK, UV> {
  private final TypeSerializer<UK> userKeySerializer;
  private final TypeSerializer<UV> valueSerializer;

  RocksMapState(
      RocksDBKeyedStateBackend<K> backend, StateRegistry.Entry entry,
      TypeSerializer<N> namespaceSerializer, TypeSerializer<UK> userKeySerializer,
      TypeSerializer<UV> valueSerializer) {
    super(backend, entry, namespaceSerializer);
    this.userKeySerializer = userKeySerializer;
    this.valueSerializer = valueSerializer;
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
    return isEmpty(key, null);
  }

  @Override
  public void clear(K key) {
    clear(key, null);
  }

  /** Builds the user-key entry's key in {@link #keys}; returns where the user key starts. */
  private int userKeyEntry(K key, N namespace, UK userKey) {
    startKey(key, namespace, MAP_USER_KEY);
    int userKeyStart = keys.size();
    write(userKeySerializer, userKey, keys);
    return userKeyStart;
  }

  /** Turns the user-key entry's key in {@link #keys} into the order entry's key of {@code seq}. */
  private void toOrderEntry(int userKeyStart, long seq) {
    keys.truncate(userKeyStart);
    keys.buffer()[KeyLayout.STATE_PREFIX] = MAP_ORDER;
    keys.writeLong(seq);
  }

  @Override
  public UV get(K key, N namespace, UK userKey) {
    int userKeyStart = userKeyEntry(key, namespace, userKey);
    int userKeyLength = keys.size() - userKeyStart;
    byte[] seq = store.get(keys);
    if (seq == null) {
      return null;
    }
    toOrderEntry(userKeyStart, ByteArrayDataInput.getLong(seq, 0));
    byte[] bytes = store.get(keys);
    if (bytes == null) {
      throw new IllegalStateException(
          "Map state '" + entry.name + "' of key " + key + " lost the entry of a user key");
    }
    in.reset(bytes, userKeyLength, bytes.length - userKeyLength);
    return readValue();
  }

  private UV readValue() {
    try {
      return in.readBoolean() ? read(valueSerializer) : null;
    } catch (IOException e) {
      throw new IllegalStateException("Corrupt map entry of state '" + entry.name + "'", e);
    }
  }

  @Override
  public void put(K key, N namespace, UK userKey, UV value) {
    int userKeyStart = userKeyEntry(key, namespace, userKey);
    int userKeyEnd = keys.size();
    byte[] existing = store.get(keys);
    long seq;
    if (existing != null) {
      seq = ByteArrayDataInput.getLong(existing, 0);
    } else {
      seq = backend.nextSequence();
      values.reset();
      values.writeLong(seq);
      store.put(keys, values);
    }
    values.reset();
    values.write(keys.buffer(), userKeyStart, userKeyEnd - userKeyStart);
    values.writeBoolean(value != null);
    if (value != null) {
      write(valueSerializer, value, values);
    }
    toOrderEntry(userKeyStart, seq);
    store.put(keys, values);
  }

  @Override
  public void remove(K key, N namespace, UK userKey) {
    int userKeyStart = userKeyEntry(key, namespace, userKey);
    byte[] seq = store.get(keys);
    if (seq != null) {
      store.delete(keys);
      toOrderEntry(userKeyStart, ByteArrayDataInput.getLong(seq, 0));
      store.delete(keys);
    }
  }

  @Override
  public boolean contains(K key, N namespace, UK userKey) {
    userKeyEntry(key, namespace, userKey);
    return store.get(keys) != null;
  }

  @Override
  public Iterable<Map.Entry<UK, UV>> entries(K key, N namespace) {
    return ordered(key, namespace, bytes -> {
      in.reset(bytes);
      UK userKey = read(userKeySerializer);
      return new AbstractMap.SimpleImmutableEntry<>(userKey, readValue());
    });
  }

  @Override
  public Iterable<UK> keys(K key, N namespace) {
    return ordered(key, namespace, bytes -> {
      in.reset(bytes);
      return read(userKeySerializer);
    });
  }

  /** A read-only view over the order entries of (key, namespace), decoded by {@code decode}. */
  private <T> Iterable<T> ordered(K key, N namespace, Function<byte[], T> decode) {
    startKey(key, namespace, MAP_ORDER);
    byte[] prefix = keys.toByteArray();
    return () -> {
      Iterator<byte[]> raw = store.values(prefix);
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return raw.hasNext();
        }

        @Override
        public T next() {
          return decode.apply(raw.next());
        }
      };
    };
  }

  @Override
  public boolean isEmpty(K key, N namespace) {
    startKey(key, namespace, MAP_ORDER);
    return !store.hasPrefix(keys);
  }

  @Override
  public void clear(K key, N namespace) {
    startKey(key, namespace, MAP_USER_KEY);
    store.deletePrefix(keys);
    keys.buffer()[KeyLayout.STATE_PREFIX] = MAP_ORDER;
    store.deletePrefix(keys);
  }

  /**
   * Block: {@code count:int, count × (key [namespace] size:int size × (userKey present:bool
   * [value]))}; user keys get sequence numbers in the block's order, which is insertion order.
   */
  @Override
  void restoreBlock(int keyGroup, byte[] block, RocksStore.Batch batch) throws IOException {
    ByteArrayDataInput input = new ByteArrayDataInput().reset(block);
    int count = input.readInt();
    for (int i = 0; i < count; i++) {
      int start = input.position();
      int keyEnd = skipKeyAndNamespace(input, keyGroup);
      int size = input.readInt();
      for (int e = 0; e < size; e++) {
        int userKeyStart = input.position();
        userKeySerializer.deserialize(input);
        int userKeyEnd = input.position();
        if (input.readBoolean()) {
          valueSerializer.deserialize(input);
        }
        long seq = backend.nextSequence();
        KeyLayout.keyGroupAndState(keys, keyGroup, entry.id);
        keys.writeByte(MAP_USER_KEY);
        keys.write(block, start, keyEnd - start);
        int prefixEnd = keys.size();
        keys.write(block, userKeyStart, userKeyEnd - userKeyStart);
        values.reset();
        values.writeLong(seq);
        batch.put(keys, values.toByteArray());
        toOrderEntry(prefixEnd, seq);
        batch.put(keys, java.util.Arrays.copyOfRange(block, userKeyStart, input.position()));
      }
    }
  }
}
