package io.weir.state.heap;

import io.weir.state.ListState;
import io.weir.state.NamespacedListState;
import io.weir.state.internal.StateKind;
import io.weir.state.serialization.TypeSerializer;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Both list-state interfaces over a table of {@link ArrayList}s; an empty list is not stored. */
final class HeapListState<K, N, V> extends AbstractHeapState<K, N, ArrayList<V>>
    implements ListState<K, V>, NamespacedListState<K, N, V> {

  HeapListState(
      String name, String signature, StateTable<K, N, ArrayList<V>> table,
      TypeSerializer<V> elementSerializer) {
    super(name, StateKind.LIST, signature, table, new Codec<>(elementSerializer));
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
    table.remove(key, null);
  }

  @Override
  public void add(K key, N namespace, V value) {
    if (value == null) {
      throw new NullPointerException("A list state element must not be null (key " + key + ")");
    }
    ArrayList<V> list = table.get(key, namespace);
    if (list == null) {
      list = new ArrayList<>(4);
      table.put(key, namespace, list);
    }
    list.add(value);
  }

  @Override
  public List<V> get(K key, N namespace) {
    ArrayList<V> list = table.get(key, namespace);
    return list == null ? List.of() : Collections.unmodifiableList(list);
  }

  @Override
  public void update(K key, N namespace, List<V> values) {
    if (values == null || values.isEmpty()) {
      table.remove(key, namespace);
      return;
    }
    ArrayList<V> copy = new ArrayList<>(values);
    for (V value : copy) {
      if (value == null) {
        throw new NullPointerException(
            "A list state element must not be null (key " + key + ", elements " + values + ")");
      }
    }
    table.put(key, namespace, copy);
  }

  @Override
  public void clear(K key, N namespace) {
    table.remove(key, namespace);
  }

  /** {@code size:int, size × element}. */
  private record Codec<V>(TypeSerializer<V> elements) implements StateCodec<ArrayList<V>> {
    @Override
    public void write(ArrayList<V> list, DataOutput out) throws IOException {
      out.writeInt(list.size());
      for (V value : list) {
        elements.serialize(value, out);
      }
    }

    @Override
    public ArrayList<V> read(DataInput in) throws IOException {
      int size = in.readInt();
      ArrayList<V> list = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        list.add(elements.deserialize(in));
      }
      return list;
    }
  }
}
