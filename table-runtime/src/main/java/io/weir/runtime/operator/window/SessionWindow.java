package io.weir.runtime.operator.window;

import io.weir.state.serialization.TypeSerializer;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** One open session of a key: its end (its start is the map key it is stored under) and accumulators. */
final class SessionWindow {
  long end;
  final Object[] accumulators;

  SessionWindow(long end, Object[] accumulators) {
    this.end = end;
    this.accumulators = accumulators;
  }

  static final class Serializer implements TypeSerializer<SessionWindow> {
    private final TypeSerializer<Object[]> accumulators;
    private final String signature;

    Serializer(TypeSerializer<Object[]> accumulators) {
      this.accumulators = accumulators;
      this.signature = "SESSION<" + accumulators.signature() + ">";
    }

    @Override
    public void serialize(SessionWindow value, DataOutput out) throws IOException {
      out.writeLong(value.end);
      accumulators.serialize(value.accumulators, out);
    }

    @Override
    public SessionWindow deserialize(DataInput in) throws IOException {
      long end = in.readLong();
      return new SessionWindow(end, accumulators.deserialize(in));
    }

    @Override
    public String signature() {
      return signature;
    }
  }
}
