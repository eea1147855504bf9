package io.weir.state.rocksdb;

import io.weir.state.ListState;
import io.weir.state.NamespacedListState;
import io.weir.state.internal.ByteArrayDataInput;
import io.weir.state.internal.ByteArrayDataOutput;
import io.weir.state.serialization.TypeSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Both list-state interfaces: one entry per list, {@code keyGroup | id | key | [namespace] →
 * frames}, a frame being {@code length:int element}.
 *
 * <p>Why frames and RocksDB's merge: {@link #add} must not read the list it appends to (a window
 * buffering a million rows would rewrite ever longer values, quadratic in the list's size). The
 * backend opens RocksDB with a {@code StringAppendOperator} whose delimiter is empty, so a merge
 * operand is simply concatenated to the value: each operand is one frame, and the concatenation
 * of frames is again a valid list. A delimiter byte, as Flink uses, would need escaping in
 * binary data; the length prefix needs none, and it lets a snapshot count and copy elements
 * without the element serializer (so even a state restored but not declared yet can be
 * snapshotted).
 */
final class RocksListState<K, N, V> extends AbstractRocksState<K, N>
    implements ListState<K, V>, NamespacedListState<K, N, V> {
  private final TypeSerializer<V> elementSerializer;

  RocksListState(
      RocksDBKeyedStateBackend<K> backend, StateRegistry.Entry entry,
      TypeSerializer<N> namespaceSerializer, TypeSerializer<V> elementSerializer) {
    super(backend, entry, namespaceSerializer);
    this.elementSerializer = elementSerializer;
  }

  @Override
  public void add(K key, V value) {
    add(key, null, value);
  }

  @Override
  public List<V> get(K key) {
    return get(key, null);
  }

  @Override
  public void update(K key, List<V> values) {
    update(key, null, values);
  }

  @Override
  public void clear(K key) {
    clear(key, null);
  }

  @Override
  public void add(K key, N namespace, V value) {
    if (value == null) {
      throw new NullPointerException("A list state element must not be null (key " + key + ")");
    }
    startKey(key, namespace, -1);
    values.reset();
    appendFrame(value);
    store.merge(keys, values);
  }

  @Override
  public List<V> get(K key, N namespace) {
    startKey(key, namespace, -1);
    byte[] bytes = store.get(keys);
    if (bytes == null) {
      return List.of();
    }
    List<V> list = new ArrayList<>();
    int pos = 0;
    while (pos < bytes.length) {
      int length = ByteArrayDataInput.getInt(bytes, pos);
      in.reset(bytes, pos + 4, length);
      list.add(read(elementSerializer));
      pos += 4 + length;
    }
    return Collections.unmodifiableList(list);
  }

  @Override
  public void update(K key, N namespace, List<V> elements) {
    if (elements == null || elements.isEmpty()) {
      clear(key, namespace);
      return;
    }
    for (V value : elements) {
      if (value == null) {
        throw new NullPointerException(
            "A list state element must not be null (key " + key + ", elements " + elements + ")");
      }
    }
    startKey(key, namespace, -1);
    values.reset();
    for (V value : elements) {
      appendFrame(value);
    }
    store.put(keys, values);
  }

  @Override
  public void clear(K key, N namespace) {
    startKey(key, namespace, -1);
    store.delete(keys);
  }

  private void appendFrame(V value) {
    int at = values.size();
    values.writeInt(0);
    write(elementSerializer, value, values);
    values.setInt(at, values.size() - at - 4);
  }

  /** The number of frames of a stored list. */
  static int countFrames(byte[] bytes) {
    int count = 0;
    for (int pos = 0; pos < bytes.length; pos += 4 + ByteArrayDataInput.getInt(bytes, pos)) {
      count++;
    }
    return count;
  }

  /** Writes the elements of a stored list without their length prefixes: the snapshot form. */
  static void writeElements(byte[] bytes, ByteArrayDataOutput out) {
    int pos = 0;
    while (pos < bytes.length) {
      int length = ByteArrayDataInput.getInt(bytes, pos);
      out.write(bytes, pos + 4, length);
      pos += 4 + length;
    }
  }

  /** Block: {@code count:int, count × (key [namespace] size:int size × element)}. */
  @Override
  void restoreBlock(int keyGroup, byte[] block, RocksStore.Batch batch) throws IOException {
    ByteArrayDataInput input = new ByteArrayDataInput().reset(block);
    ByteArrayDataOutput frames = new ByteArrayDataOutput(256);
    int count = input.readInt();
    for (int i = 0; i < count; i++) {
      int start = input.position();
      int keyEnd = skipKeyAndNamespace(input, keyGroup);
      int size = input.readInt();
      frames.reset();
      for (int e = 0; e < size; e++) {
        int from = input.position();
        elementSerializer.deserialize(input);
        frames.writeInt(input.position() - from);
        frames.write(block, from, input.position() - from);
      }
      KeyLayout.keyGroupAndState(keys, keyGroup, entry.id);
      keys.write(block, start, keyEnd - start);
      if (size > 0) {
        batch.put(keys, frames.toByteArray());
      }
    }
  }
}
