package io.weir.runtime.operator.aggregate;

import io.weir.state.serialization.Serializers;
import io.weir.state.serialization.TypeSerializer;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Values in arrival order with repetitions run-length encoded ({@code a a b a} is {@code a×2, b×1,
 * a×1}): the accumulator of the retracting FIRST_VALUE, LAST_VALUE and LISTAGG.
 *
 * <p>A retraction removes the earliest occurrence of the value, as Flink's {@code
 * FirstValueWithRetractAggFunction} does: an update {@code -U(old) +U(new)} from upstream usually
 * retracts the oldest copy. Retracting is linear in the number of runs; accumulating is O(1).
 */
final class OrderedValues {
  private Object[] values = new Object[4];
  private long[] counts = new long[4];
  private int runs;
  /** LISTAGG's separator, kept with the values so merging and getValue need no input row. */
  String separator;

  int runs() {
    return runs;
  }

  boolean isEmpty() {
    return runs == 0;
  }

  Object first() {
    return runs == 0 ? null : values[0];
  }

  Object last() {
    return runs == 0 ? null : values[runs - 1];
  }

  Object value(int run) {
    return values[run];
  }

  long count(int run) {
    return counts[run];
  }

  void add(Object value, long count) {
    if (runs > 0 && Objects.deepEquals(values[runs - 1], value)) {
      counts[runs - 1] += count;
      return;
    }
    if (runs == values.length) {
      values = Arrays.copyOf(values, runs * 2);
      counts = Arrays.copyOf(counts, runs * 2);
    }
    values[runs] = value;
    counts[runs] = count;
    runs++;
  }

  /** Removes the earliest occurrence of {@code value}; false if there is none. */
  boolean removeFirst(Object value) {
    for (int i = 0; i < runs; i++) {
      if (Objects.deepEquals(values[i], value)) {
        if (--counts[i] == 0) {
          removeRun(i);
        }
        return true;
      }
    }
    return false;
  }

  private void removeRun(int i) {
    if (i > 0 && i + 1 < runs && Objects.deepEquals(values[i - 1], values[i + 1])) {
      // a b a minus b: the two runs of a become one, keeping the encoding canonical.
      counts[i - 1] += counts[i + 1];
      System.arraycopy(values, i + 2, values, i, runs - i - 2);
      System.arraycopy(counts, i + 2, counts, i, runs - i - 2);
      runs -= 2;
    } else {
      System.arraycopy(values, i + 1, values, i, runs - i - 1);
      System.arraycopy(counts, i + 1, counts, i, runs - i - 1);
      runs--;
    }
    values[runs] = null;
    if (runs + 1 < values.length) {
      values[runs + 1] = null;
    }
  }

  /** Appends {@code other}'s values after this one's; {@code other} is not changed. */
  void addAll(OrderedValues other) {
    for (int i = 0; i < other.runs; i++) {
      add(other.values[i], other.counts[i]);
    }
    if (separator == null) {
      separator = other.separator;
    }
  }

  static AccumulatorSerializer<OrderedValues> serializer(String signature, TypeSerializer<Object> elements) {
    return new AccumulatorSerializer<>(signature) {
      @Override
      void write(OrderedValues acc, DataOutput out) throws IOException {
        out.writeInt(acc.runs);
        for (int i = 0; i < acc.runs; i++) {
          elements.serialize(acc.values[i], out);
          out.writeLong(acc.counts[i]);
        }
        out.writeBoolean(acc.separator != null);
        if (acc.separator != null) {
          Serializers.STRING.serialize(acc.separator, out);
        }
      }

      @Override
      OrderedValues read(DataInput in) throws IOException {
        OrderedValues acc = new OrderedValues();
        for (int n = in.readInt(); n > 0; n--) {
          Object v = elements.deserialize(in);
          acc.add(v, in.readLong());
        }
        if (in.readBoolean()) {
          acc.separator = Serializers.STRING.deserialize(in);
        }
        return acc;
      }
    };
  }
}
