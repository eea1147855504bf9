package io.weir.common.plan;

import static java.util.Objects.requireNonNull;

import io.weir.common.types.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code agg(…) OVER (PARTITION BY keys ORDER BY time ROWS|RANGE BETWEEN … PRECEDING AND CURRENT
 * ROW)}: each input row is emitted once, with the aggregates over its frame appended, when the
 * watermark (event time) reaches its time — rows are processed in time order, as in Flink.
 *
 * @param rows ROWS frame (count of preceding rows) or RANGE frame (milliseconds before the row's
 *     time)
 * @param preceding the frame's extent; -1 for UNBOUNDED PRECEDING
 */
public record OverAggSpec(
    List<Integer> partitionKeys,
    int orderField,
    boolean eventTime,
    boolean rows,
    long preceding,
    List<AggregateCallSpec> aggregates,
    RowType inputType,
    RowType outputType)
    implements OperatorSpec {

  public OverAggSpec {
    partitionKeys = List.copyOf(partitionKeys);
    aggregates = List.copyOf(aggregates);
    requireNonNull(inputType, "inputType");
    requireNonNull(outputType, "outputType");
    if (outputType.arity() != inputType.arity() + aggregates.size()) {
      throw new IllegalArgumentException("output " + outputType + " must be the input plus one column per aggregate");
    }
  }

  @Override
  public String explain() {
    List<String> in = inputType.names();
    List<String> aggs = new ArrayList<>();
    for (AggregateCallSpec a : aggregates) {
      aggs.add(a.explain(in) + " AS " + a.name());
    }
    String frame = (rows ? "ROWS" : "RANGE") + " BETWEEN "
        + (preceding < 0 ? "UNBOUNDED" : preceding + (rows ? "" : " ms")) + " PRECEDING AND CURRENT ROW";
    return "OverAggregate(partitionBy=[" + partitionKeys.stream().map(in::get).collect(Collectors.joining(", "))
        + "], orderBy=[" + in.get(orderField) + "], window=[" + frame + "], select=[" + String.join(", ", aggs) + "])";
  }
}
