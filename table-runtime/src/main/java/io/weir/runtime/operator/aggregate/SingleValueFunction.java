package io.weir.runtime.operator.aggregate;

import io.weir.common.data.Row;
import io.weir.state.serialization.TypeSerializer;
import java.util.function.BiPredicate;

/**
 * The append-only MIN, MAX, FIRST_VALUE and LAST_VALUE: keeps one value, which a non-null input
 * replaces when the holder is still empty or {@code replaces(current, candidate)} says so. Used
 * for insert-only inputs (window aggregates), where nothing retracts.
 */
final class SingleValueFunction implements AggregateFunction {
  private final String name;
  private final int argument;
  private final BiPredicate<Object, Object> replaces;
  private final TypeSerializer<Object> serializer;

  /**
   * @param accumulatorName names the accumulator in its serializer signature, which savepoints
   *     record, so it must not change for an existing function
   */
  SingleValueFunction(
      String name,
      String accumulatorName,
      TypeSerializer<Object> values,
      int argument,
      BiPredicate<Object, Object> replaces) {
    this.name = name;
    this.argument = argument;
    this.replaces = replaces;
    this.serializer = ValueHolder.serializer(accumulatorName + "<" + values.signature() + ">", values);
  }

  private void offer(ValueHolder acc, Object candidate) {
    if (candidate != null && (acc.value == null || replaces.test(acc.value, candidate))) {
      acc.value = candidate;
    }
  }

  @Override
  public Object createAccumulator() {
    return new ValueHolder();
  }

  @Override
  public Object accumulate(Object accumulator, Row input) {
    offer((ValueHolder) accumulator, input.field(argument));
    return accumulator;
  }

  @Override
  public Object retract(Object accumulator, Row input) {
    throw ValueHolder.noRetraction(name);
  }

  @Override
  public Object merge(Object accumulator, Object other) {
    offer((ValueHolder) accumulator, ((ValueHolder) other).value);
    return accumulator;
  }

  @Override
  public Object getValue(Object accumulator) {
    return ((ValueHolder) accumulator).value;
  }

  @Override
  public TypeSerializer<Object> accumulatorSerializer() {
    return serializer;
  }
}
