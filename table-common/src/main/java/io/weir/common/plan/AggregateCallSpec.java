package io.weir.common.plan;

import static java.util.Objects.requireNonNull;

import io.weir.common.types.LogicalType;
import java.util.List;

/**
 * One aggregate call, e.g. {@code COUNT(DISTINCT user) FILTER (WHERE amount > 10) AS buyers}.
 *
 * @param function the aggregate's SQL name in upper case: {@code COUNT}, {@code SUM}, {@code
 *     SUM0}, {@code MIN}, {@code MAX}, {@code AVG}, {@code FIRST_VALUE}, {@code LAST_VALUE},
 *     {@code LISTAGG}; {@code COUNT} with no arguments is {@code COUNT(*)}
 * @param arguments input field indexes of the arguments (LISTAGG's separator, when given, is the
 *     second, a field holding a constant)
 * @param distinct whether only distinct argument values count
 * @param filterArg the input field holding the FILTER condition (a BOOLEAN), or -1
 * @param resultType the type of the aggregate's value
 * @param name the output column's name
 */
public record AggregateCallSpec(
    String function, List<Integer> arguments, boolean distinct, int filterArg, LogicalType resultType, String name) {
  public AggregateCallSpec {
    requireNonNull(function, "function");
    arguments = List.copyOf(arguments);
    requireNonNull(resultType, "resultType");
    requireNonNull(name, "name");
  }

  /** {@code COUNT(DISTINCT a) FILTER (WHERE $3)}, with fields named by {@code inputNames}. */
  public String explain(List<String> inputNames) {
    StringBuilder sb = new StringBuilder(function).append('(');
    if (distinct) {
      sb.append("DISTINCT ");
    }
    if (arguments.isEmpty() && function.equals("COUNT")) {
      sb.append('*');
    }
    for (int i = 0; i < arguments.size(); i++) {
      sb.append(i > 0 ? ", " : "").append(inputNames.get(arguments.get(i)));
    }
    sb.append(')');
    if (filterArg >= 0) {
      sb.append(" FILTER (WHERE ").append(inputNames.get(filterArg)).append(')');
    }
    return sb.toString();
  }

  /**
   * The {@code groupBy=[…], select=[…]} part of an aggregation's EXPLAIN line: the key names, then
   * each call as {@code COUNT(*) AS n}.
   */
  public static String explainGroupAndSelect(List<Integer> keys, List<AggregateCallSpec> calls, List<String> inputNames,
      List<String> extraSelected) {
    List<String> select = new java.util.ArrayList<>();
    for (int k : keys) {
      select.add(inputNames.get(k));
    }
    for (AggregateCallSpec a : calls) {
      select.add(a.explain(inputNames) + " AS " + a.name());
    }
    select.addAll(extraSelected);
    String group = keys.isEmpty() ? "" : "groupBy=[" + String.join(", ", keys.stream().map(inputNames::get).toList()) + "], ";
    return group + "select=[" + String.join(", ", select) + "]";
  }
}
