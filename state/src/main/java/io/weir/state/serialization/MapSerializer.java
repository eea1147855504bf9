package io.weir.state.serialization;

import static java.util.Objects.requireNonNull;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Serializes a {@link Map} (SQL MAP or MULTISET, or a map kept in a value state) entry by entry,
 * in iteration order; keys and values may be null. Reads back a {@link LinkedHashMap}, so the
 * order survives a round trip.
 */
public final class MapSerializer<K, V> implements TypeSerializer<Map<K, V>> {
  private final TypeSerializer<K> keySerializer;
  private final TypeSerializer<V> valueSerializer;
  private final String signature;

  public MapSerializer(TypeSerializer<K> keySerializer, TypeSerializer<V> valueSerializer) {
    this.keySerializer = requireNonNull(keySerializer, "keySerializer");
    this.valueSerializer = requireNonNull(valueSerializer, "valueSerializer");
    this.signature =
        "MAP<" + keySerializer.signature() + ", " + valueSerializer.signature() + ">";
  }

  @Override
  public void serialize(Map<K, V> value, DataOutput out) throws IOException {
    out.writeInt(value.size());
    for (Map.Entry<K, V> e : value.entrySet()) {
      writeNullable(keySerializer, e.getKey(), out);
      writeNullable(valueSerializer, e.getValue(), out);
    }
  }

  @Override
  public Map<K, V> deserialize(DataInput in) throws IOException {
    int size = in.readInt();
    // Capacity for `size` entries at the default load factor, without a rehash.
    Map<K, V> map = new LinkedHashMap<>(Math.max(4, (int) (size / 0.75f) + 1));
    for (int i = 0; i < size; i++) {
      K key = in.readBoolean() ? keySerializer.deserialize(in) : null;
      V val = in.readBoolean() ? valueSerializer.deserialize(in) : null;
      map.put(key, val);
    }
    return map;
  }

  private static <T> void writeNullable(TypeSerializer<T> serializer, T value, DataOutput out)
      throws IOException {
    if (value == null) {
      out.writeBoolean(false);
    } else {
      out.writeBoolean(true);
      serializer.serialize(value, out);
    }
  }

  @Override
  public String signature() {
    return signature;
  }

  @Override
  public String toString() {
    return "Serializer(" + signature + ")";
  }
}
