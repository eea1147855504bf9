package io.weir.runtime.operator.aggregate;

import io.weir.common.data.Row;
import io.weir.state.serialization.Serializers;
import io.weir.state.serialization.TypeSerializer;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * {@code LISTAGG(x [, separator])}: the non-null values of {@code x} in arrival order, joined by the
 * separator ({@code ','} by default); null when there are none. The separator is a field holding a
 * constant; the accumulator remembers it so that merging and {@link #getValue} need no row.
 */
final class ListAggFunction {
  static final String DEFAULT_SEPARATOR = ",";

  private ListAggFunction() {}

  static AggregateFunction create(int argument, int separatorField, boolean retraction) {
    return retraction ? new Retracting(argument, separatorField) : new AppendOnly(argument, separatorField);
  }

  private static String separatorOf(Row input, int separatorField) {
    Object sep = separatorField < 0 ? null : input.field(separatorField);
    return sep == null ? DEFAULT_SEPARATOR : sep.toString();
  }

  /** Keeps the values in order with counts, so a retraction removes one and the rest rejoin. */
  private static final class Retracting implements AggregateFunction {
    private static final TypeSerializer<Object> SERIALIZER =
        OrderedValues.serializer("LISTAGG_RETRACT_ACC", (TypeSerializer<Object>) (TypeSerializer<?>) Serializers.STRING);

    private final int argument;
    private final int separatorField;

    Retracting(int argument, int separatorField) {
      this.argument = argument;
      this.separatorField = separatorField;
    }

    @Override
    public Object createAccumulator() {
      return new OrderedValues();
    }

    @Override
    public Object accumulate(Object accumulator, Row input) {
      Object v = input.field(argument);
      if (v != null) {
        OrderedValues acc = (OrderedValues) accumulator;
        acc.add(v.toString(), 1);
        if (acc.separator == null) {
          acc.separator = separatorOf(input, separatorField);
        }
      }
      return accumulator;
    }

    @Override
    public Object retract(Object accumulator, Row input) {
      Object v = input.field(argument);
      if (v != null) {
        ((OrderedValues) accumulator).removeFirst(v.toString());
      }
      return accumulator;
    }

    @Override
    public Object merge(Object accumulator, Object other) {
      ((OrderedValues) accumulator).addAll((OrderedValues) other);
      return accumulator;
    }

    @Override
    public Object getValue(Object accumulator) {
      OrderedValues acc = (OrderedValues) accumulator;
      if (acc.isEmpty()) {
        return null;
      }
      String sep = acc.separator == null ? DEFAULT_SEPARATOR : acc.separator;
      StringBuilder sb = new StringBuilder();
      boolean first = true;
      for (int i = 0; i < acc.runs(); i++) {
        String v = (String) acc.value(i);
        for (long n = acc.count(i); n > 0; n--) {
          if (!first) {
            sb.append(sep);
          }
          sb.append(v);
          first = false;
        }
      }
      return sb.toString();
    }

    @Override
    public TypeSerializer<Object> accumulatorSerializer() {
      return SERIALIZER;
    }
  }

  /** Appends to one growing string: for insert-only inputs, where nothing retracts. */
  private static final class AppendOnly implements AggregateFunction {
    static final class Acc {
      /** Null until the first value, so an empty string value is told apart from no value. */
      StringBuilder joined;
      String separator;
    }

    private static final AccumulatorSerializer<Acc> SERIALIZER =
        new AccumulatorSerializer<>("LISTAGG_ACC") {
          @Override
          void write(Acc acc, DataOutput out) throws IOException {
            out.writeBoolean(acc.joined != null);
            if (acc.joined != null) {
              Serializers.STRING.serialize(acc.joined.toString(), out);
            }
            out.writeBoolean(acc.separator != null);
            if (acc.separator != null) {
              Serializers.STRING.serialize(acc.separator, out);
            }
          }

          @Override
          Acc read(DataInput in) throws IOException {
            Acc acc = new Acc();
            if (in.readBoolean()) {
              acc.joined = new StringBuilder(Serializers.STRING.deserialize(in));
            }
            if (in.readBoolean()) {
              acc.separator = Serializers.STRING.deserialize(in);
            }
            return acc;
          }
        };

    private final int argument;
    private final int separatorField;

    AppendOnly(int argument, int separatorField) {
      this.argument = argument;
      this.separatorField = separatorField;
    }

    @Override
    public Object createAccumulator() {
      return new Acc();
    }

    @Override
    public Object accumulate(Object accumulator, Row input) {
      Object v = input.field(argument);
      if (v != null) {
        Acc acc = (Acc) accumulator;
        if (acc.joined == null) {
          acc.separator = separatorOf(input, separatorField);
          acc.joined = new StringBuilder().append(v);
        } else {
          acc.joined.append(acc.separator).append(v);
        }
      }
      return accumulator;
    }

    @Override
    public Object retract(Object accumulator, Row input) {
      throw ValueHolder.noRetraction("LISTAGG");
    }

    @Override
    public Object merge(Object accumulator, Object other) {
      Acc acc = (Acc) accumulator;
      Acc o = (Acc) other;
      if (o.joined != null) {
        if (acc.joined == null) {
          acc.separator = o.separator;
          acc.joined = new StringBuilder(o.joined);
        } else {
          acc.joined.append(acc.separator).append(o.joined);
        }
      }
      return accumulator;
    }

    @Override
    public Object getValue(Object accumulator) {
      StringBuilder joined = ((Acc) accumulator).joined;
      return joined == null ? null : joined.toString();
    }

    @Override
    public TypeSerializer<Object> accumulatorSerializer() {
      return SERIALIZER;
    }
  }
}
