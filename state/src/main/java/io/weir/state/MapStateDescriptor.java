package io.weir.state;

import static java.util.Objects.requireNonNull;

import io.weir.state.serialization.TypeSerializer;

/** Declares a {@link MapState}: its name and the serializers of its user keys and values. */
public record MapStateDescriptor<UK, UV>(
    String name, TypeSerializer<UK> userKeySerializer, TypeSerializer<UV> valueSerializer)
    implements StateDescriptor {
  public MapStateDescriptor {
    StateNames.check(name);
    requireNonNull(userKeySerializer, "userKeySerializer");
    requireNonNull(valueSerializer, "valueSerializer");
  }
}
