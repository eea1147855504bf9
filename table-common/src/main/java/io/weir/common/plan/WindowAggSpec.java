package io.weir.common.plan;

import static java.util.Objects.requireNonNull;

import io.weir.common.types.RowType;
import java.util.List;

/**
 * Window aggregation ({@code GROUP BY window_start, window_end, keys…} over a window table
 * function, or a legacy {@code GROUP BY TUMBLE(ts, …)}): one result per key and window, emitted
 * once when the window closes (event time: the watermark passes its end; processing time: the
 * clock does). Input rows are assigned to windows by {@code timeField}; rows of windows already
 * closed are late and dropped (and counted). HOP and CUMULATE windows share slices rather than
 * copying each row into every window.
 *
 * <p>Output: the group keys, the aggregates, then {@code window_start}, {@code window_end} and
 * {@code window_time} (end - 1 ms) as TIMESTAMP(3).
 */
public record WindowAggSpec(
    WindowSpec window,
    int timeField,
    boolean eventTime,
    List<Integer> groupKeys,
    List<AggregateCallSpec> aggregates,
    RowType inputType,
    RowType outputType)
    implements OperatorSpec {

  public WindowAggSpec {
    requireNonNull(window, "window");
    groupKeys = List.copyOf(groupKeys);
    aggregates = List.copyOf(aggregates);
    requireNonNull(inputType, "inputType");
    requireNonNull(outputType, "outputType");
    if (outputType.arity() != groupKeys.size() + aggregates.size() + 3) {
      throw new IllegalArgumentException("output " + outputType + " does not hold " + groupKeys.size()
          + " keys, " + aggregates.size() + " aggregates and 3 window columns");
    }
  }

  @Override
  public String explain() {
    String aggregation = AggregateCallSpec.explainGroupAndSelect(groupKeys, aggregates, inputType.names(),
        List.of("window_start", "window_end", "window_time"));
    int select = aggregation.indexOf("select=[");
    return "WindowAggregate(" + aggregation.substring(0, select) + "window=[" + window + " on "
        + inputType.name(timeField) + (eventTime ? "" : " (proctime)") + "], " + aggregation.substring(select) + ")";
  }
}
