package io.weir.state.serialization;

import static java.util.Objects.requireNonNull;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Serializes a {@link List} (SQL ARRAY, or a list kept in a value state) element by element;
 * elements may be null. Reads back an {@link ArrayList}.
 */
public final class ListSerializer<E> implements TypeSerializer<List<E>> {
  private final TypeSerializer<E> elementSerializer;
  private final String signature;

  public ListSerializer(TypeSerializer<E> elementSerializer) {
    this.elementSerializer = requireNonNull(elementSerializer, "elementSerializer");
    this.signature = "ARRAY<" + elementSerializer.signature() + ">";
  }

  @Override
  public void serialize(List<E> value, DataOutput out) throws IOException {
    out.writeInt(value.size());
    for (E element : value) {
      if (element == null) {
        out.writeBoolean(false);
      } else {
        out.writeBoolean(true);
        elementSerializer.serialize(element, out);
      }
    }
  }

  @Override
  public List<E> deserialize(DataInput in) throws IOException {
    int size = in.readInt();
    List<E> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      list.add(in.readBoolean() ? elementSerializer.deserialize(in) : null);
    }
    return list;
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
