package io.weir.runtime.operator.aggregate;

import io.weir.common.plan.AggregateCallSpec;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import java.util.List;

/**
 * Builds the {@link AggregateFunction} of an {@link AggregateCallSpec}: COUNT, SUM, SUM0, MIN, MAX,
 * AVG, FIRST_VALUE, LAST_VALUE and LISTAGG, each optionally DISTINCT. FILTER is not part of the
 * function; the operator applies it ({@link AggregateCalls}).
 */
public final class AggregateFunctions {
  private AggregateFunctions() {}

  /** The function of {@code call}, able to retract (for updating inputs). */
  public static AggregateFunction create(AggregateCallSpec call, RowType inputType) {
    return create(call, inputType, true);
  }

  /**
   * The function of {@code call} over rows of {@code inputType}.
   *
   * @param retraction whether the input may retract rows. Without it, MIN, MAX, FIRST_VALUE,
   *     LAST_VALUE and LISTAGG keep just their current value instead of every value seen (as
   *     Flink's {@code MaxAggFunction} vs {@code MaxWithRetractAggFunction}), and their {@code
   *     retract} throws. Window aggregates, whose input is insert-only, pass false.
   * @throws IllegalArgumentException for an unknown function, a wrong number of arguments, or an
   *     argument type the function cannot take
   */
  public static AggregateFunction create(AggregateCallSpec call, RowType inputType, boolean retraction) {
    if (call.distinct()) {
      // The call on its own, through the distinct view AggregateCalls keeps for it.
      return new AggregateCalls(List.of(call), inputType, retraction).asFunction();
    }
    List<Integer> args = call.arguments();
    int[] arguments = args.stream().mapToInt(Integer::intValue).toArray();
    for (int a : arguments) {
      if (a < 0 || a >= inputType.arity()) {
        throw new IllegalArgumentException(
            call.function() + " argument " + a + " is not a field of the input " + inputType);
      }
    }
    String function = call.function();
    LogicalType result = call.resultType();
    AggregateFunction f = switch (function) {
      case "COUNT" -> new CountFunction(arguments, result);
      case "SUM" -> new SumAvgFunction(SumAvgFunction.Kind.SUM, argType(call, inputType, 1), arguments[0], result);
      case "SUM0", "$SUM0" ->
          new SumAvgFunction(SumAvgFunction.Kind.SUM0, argType(call, inputType, 1), arguments[0], result);
      case "AVG" -> new SumAvgFunction(SumAvgFunction.Kind.AVG, argType(call, inputType, 1), arguments[0], result);
      case "MIN", "MAX" ->
          MinMaxFunction.create(function.equals("MAX"), argType(call, inputType, 1), arguments[0], retraction);
      case "FIRST_VALUE", "LAST_VALUE" ->
          FirstLastValueFunction.create(
              function.equals("LAST_VALUE"), argType(call, inputType, 1), arguments[0], retraction);
      case "LISTAGG" -> {
        if (arguments.length != 1 && arguments.length != 2) {
          throw new IllegalArgumentException(
              "LISTAGG takes a value and an optional separator but got " + arguments.length + " arguments");
        }
        yield ListAggFunction.create(arguments[0], arguments.length == 2 ? arguments[1] : -1, retraction);
      }
      default -> throw new IllegalArgumentException(
          "Unknown aggregate function '" + function
              + "'; expected COUNT, SUM, SUM0, MIN, MAX, AVG, FIRST_VALUE, LAST_VALUE or LISTAGG");
    };
    return f;
  }

  /** The type of the only argument of a one-argument function. */
  private static LogicalType argType(AggregateCallSpec call, RowType inputType, int expected) {
    if (call.arguments().size() != expected) {
      throw new IllegalArgumentException(
          call.function() + " takes " + expected + " argument but got " + call.arguments().size());
    }
    return inputType.type(call.arguments().get(0));
  }
}
