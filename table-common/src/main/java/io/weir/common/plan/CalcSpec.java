package io.weir.common.plan;

import static java.util.Objects.requireNonNull;

import io.weir.common.types.RowType;
import java.util.ArrayList;
import java.util.List;

/** Filters rows by {@code condition} (when present), then projects {@code projections}. */
public record CalcSpec(
    List<ExprSpec> projections, ExprSpec condition, RowType inputType, RowType outputType)
    implements OperatorSpec {

  public CalcSpec {
    projections = List.copyOf(projections);
    requireNonNull(inputType, "inputType");
    requireNonNull(outputType, "outputType");
    if (projections.size() != outputType.arity()) {
      throw new IllegalArgumentException(
          projections.size() + " projections for output type " + outputType);
    }
  }

  @Override
  public String explain() {
    List<String> in = inputType.names();
    List<String> select = new ArrayList<>();
    for (int i = 0; i < projections.size(); i++) {
      String expr = projections.get(i).explain(in);
      String name = outputType.name(i);
      select.add(expr.equals(name) ? expr : expr + " AS " + name);
    }
    StringBuilder sb = new StringBuilder("Calc(select=[").append(String.join(", ", select)).append(']');
    if (condition != null) {
      sb.append(", where=[").append(condition.explain(in)).append(']');
    }
    return sb.append(')').toString();
  }
}
