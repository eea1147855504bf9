package io.weir.state.heap;

import io.weir.state.NamespacedValueState;
import io.weir.state.ValueState;
import io.weir.state.internal.StateKind;
import io.weir.state.serialization.TypeSerializer;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Both value-state interfaces over one table: the backend hands out the plain one over a flat
 * table and the namespaced one over a nested table, never the other combination.
 */
final class HeapValueState<K, N, V> extends AbstractHeapState<K, N, V>
    implements ValueState<K, V>, NamespacedValueState<K, N, V> {

  HeapValueState(
      String name, String signature, StateTable<K, N, V> table, TypeSerializer<V> serializer) {
    super(name, StateKind.VALUE, signature, table, new Codec<>(serializer));
  }

  @Override
  public V get(K key) {
    return table.get(key, null);
  }

  @Override
  public void put(K key, V value) {
    put(key, null, value);
  }

  @Override
  public void clear(K key) {
    table.remove(key, null);
  }

  @Override
  public V get(K key, N namespace) {
    return table.get(key, namespace);
  }

  @Override
  public void put(K key, N namespace, V value) {
    if (value == null) {
      table.remove(key, namespace);
    } else {
      table.put(key, namespace, value);
    }
  }

  @Override
  public void clear(K key, N namespace) {
    table.remove(key, namespace);
  }

  private record Codec<V>(TypeSerializer<V> serializer) implements StateCodec<V> {
    @Override
    public void write(V value, DataOutput out) throws IOException {
      serializer.serialize(value, out);
    }

    @Override
    public V read(DataInput in) throws IOException {
      return serializer.deserialize(in);
    }
  }
}
