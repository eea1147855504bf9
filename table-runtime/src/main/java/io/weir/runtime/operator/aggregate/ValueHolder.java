package io.weir.runtime.operator.aggregate;

import io.weir.state.serialization.TypeSerializer;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The accumulator of the append-only MIN, MAX, FIRST_VALUE and LAST_VALUE: one value, null until
 * the first non-null input.
 */
final class ValueHolder {
  Object value;

  static AccumulatorSerializer<ValueHolder> serializer(String signature, TypeSerializer<Object> values) {
    return new AccumulatorSerializer<>(signature) {
      @Override
      void write(ValueHolder acc, DataOutput out) throws IOException {
        writeNullable(values, acc.value, out);
      }

      @Override
      ValueHolder read(DataInput in) throws IOException {
        ValueHolder acc = new ValueHolder();
        acc.value = readNullable(values, in);
        return acc;
      }
    };
  }

  /** Thrown by the append-only variants, which the planner uses only for insert-only inputs. */
  static UnsupportedOperationException noRetraction(String function) {
    return new UnsupportedOperationException(
        function + " was created for an insert-only input and cannot retract; create it with retraction");
  }
}
