package io.weir.state;

import static java.util.Objects.requireNonNull;

import io.weir.state.serialization.TypeSerializer;

/** Declares a {@link ListState}: its name and the serializer of its elements. */
public record ListStateDescriptor<V>(String name, TypeSerializer<V> elementSerializer)
    implements StateDescriptor {
  public ListStateDescriptor {
    StateNames.check(name);
    requireNonNull(elementSerializer, "elementSerializer");
  }
}
