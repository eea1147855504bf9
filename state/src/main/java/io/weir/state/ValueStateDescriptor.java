package io.weir.state;

import static java.util.Objects.requireNonNull;

import io.weir.state.serialization.TypeSerializer;

/** Declares a {@link ValueState}: {@code new ValueStateDescriptor<>("count", Serializers.LONG)}. */
public record ValueStateDescriptor<V>(String name, TypeSerializer<V> serializer)
    implements StateDescriptor {
  public ValueStateDescriptor {
    StateNames.check(name);
    requireNonNull(serializer, "serializer");
  }
}
