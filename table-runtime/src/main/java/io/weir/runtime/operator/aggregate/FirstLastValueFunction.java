package io.weir.runtime.operator.aggregate;

import io.weir.common.data.Row;
import io.weir.common.types.LogicalType;
import io.weir.state.serialization.Serializers;
import io.weir.state.serialization.TypeSerializer;

/**
 * {@code FIRST_VALUE} and {@code LAST_VALUE}: the first / last non-null value in arrival order
 * (nulls are skipped, as in Flink). {@link #merge} puts the other accumulator's values after this
 * one's, so merging the slices of a window in time order gives the first / last value by slice,
 * then by arrival within a slice.
 */
final class FirstLastValueFunction {
  private FirstLastValueFunction() {}

  static AggregateFunction create(boolean last, LogicalType argumentType, int argument, boolean retraction) {
    TypeSerializer<Object> values = Serializers.forType(argumentType);
    return retraction
        ? new Retracting(last, values, argument)
        : new SingleValueFunction(
            last ? "LAST_VALUE" : "FIRST_VALUE",
            "FIRST_LAST_ACC",
            values,
            argument,
            (current, candidate) -> last);
  }

  /** Keeps every value in order with counts, so retracting the first (last) finds the next. */
  private static final class Retracting implements AggregateFunction {
    private final boolean last;
    private final int argument;
    private final TypeSerializer<Object> serializer;

    Retracting(boolean last, TypeSerializer<Object> values, int argument) {
      this.last = last;
      this.argument = argument;
      this.serializer = OrderedValues.serializer("ORDERED_VALUES_ACC<" + values.signature() + ">", values);
    }

    @Override
    public Object createAccumulator() {
      return new OrderedValues();
    }

    @Override
    public Object accumulate(Object accumulator, Row input) {
      Object v = input.field(argument);
      if (v != null) {
        ((OrderedValues) accumulator).add(v, 1);
      }
      return accumulator;
    }

    @Override
    public Object retract(Object accumulator, Row input) {
      Object v = input.field(argument);
      if (v != null) {
        ((OrderedValues) accumulator).removeFirst(v);
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
      return last ? acc.last() : acc.first();
    }

    @Override
    public TypeSerializer<Object> accumulatorSerializer() {
      return serializer;
    }
  }
}
