package io.weir.common.plan;

import static java.util.Objects.requireNonNull;

import io.weir.common.types.RowType;
import java.util.List;

/**
 * A window table function's own output ({@code SELECT * FROM TABLE(TUMBLE(…))}): each input row
 * once per window it belongs to, with {@code window_start}, {@code window_end} and {@code
 * window_time} appended. Stateless for TUMBLE, HOP and CUMULATE; SESSION needs the windows to
 * close first and keeps the rows until then.
 */
public record WindowTableFunctionSpec(WindowSpec window, int timeField, boolean eventTime, List<Integer> partitionKeys,
    RowType inputType, RowType outputType) implements OperatorSpec {
  public WindowTableFunctionSpec {
    requireNonNull(window, "window");
    partitionKeys = List.copyOf(partitionKeys);
    requireNonNull(inputType, "inputType");
    requireNonNull(outputType, "outputType");
    if (outputType.arity() != inputType.arity() + 3) {
      throw new IllegalArgumentException("output " + outputType + " must be the input plus 3 window columns");
    }
  }

  @Override
  public String explain() {
    return "WindowTableFunction(window=[" + window + " on " + inputType.name(timeField) + "])";
  }
}
