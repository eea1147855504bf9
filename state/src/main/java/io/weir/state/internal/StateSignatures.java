package io.weir.state.internal;

import static java.util.Objects.requireNonNull;

import io.weir.state.MapStateDescriptor;
import io.weir.state.serialization.TypeSerializer;

/**
 * The signatures both backends record for a declared state, e.g. {@code VALUE<BIGINT>} or {@code
 * LIST<ROW<BIGINT, STRING>> NAMESPACE<BIGINT>}: part of the snapshot format, so a state
 * snapshotted on one backend is recognised on the other.
 */
public final class StateSignatures {
  private StateSignatures() {}

  public static String value(TypeSerializer<?> serializer) {
    return "VALUE<" + serializer.signature() + ">";
  }

  public static String map(MapStateDescriptor<?, ?> d) {
    return "MAP<" + d.userKeySerializer().signature() + ", " + d.valueSerializer().signature()
        + ">";
  }

  public static String list(TypeSerializer<?> elementSerializer) {
    return "LIST<" + elementSerializer.signature() + ">";
  }

  /** A timer service's signature; checks its name, which no descriptor checked. */
  public static String timers(String name, TypeSerializer<?> namespaceSerializer) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(
          "A timer service name must not be blank but was '" + name + "'");
    }
    return namespaced("TIMERS", namespaceSerializer);
  }

  /** {@code signature} of a state kept per (key, namespace). */
  public static String namespaced(String signature, TypeSerializer<?> namespaceSerializer) {
    return signature + " NAMESPACE<"
        + requireNonNull(namespaceSerializer, "namespaceSerializer").signature() + ">";
  }
}
