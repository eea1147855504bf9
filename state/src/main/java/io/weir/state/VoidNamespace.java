package io.weir.state;

import io.weir.state.serialization.TypeSerializer;
import java.io.DataInput;
import java.io.DataOutput;

/**
 * The namespace of timers that need none: {@code timers.registerEventTimeTimer(key,
 * VoidNamespace.INSTANCE, ts)}. Its serializer writes nothing. (States without a namespace do not
 * use it; they are declared without a namespace serializer instead.)
 */
public final class VoidNamespace {
  public static final VoidNamespace INSTANCE = new VoidNamespace();

  /** Writes zero bytes. */
  public static final TypeSerializer<VoidNamespace> SERIALIZER =
      new TypeSerializer<>() {
        @Override
        public void serialize(VoidNamespace value, DataOutput out) {}

        @Override
        public VoidNamespace deserialize(DataInput in) {
          return INSTANCE;
        }

        @Override
        public String signature() {
          return "VOID";
        }
      };

  private VoidNamespace() {}

  /** A constant, unlike an enum's identity hash, so it is the same in every JVM. */
  @Override
  public int hashCode() {
    return 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VoidNamespace;
  }

  @Override
  public String toString() {
    return "VoidNamespace";
  }
}
