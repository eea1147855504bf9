package io.weir.common.plan;

import static java.util.Objects.requireNonNull;

import io.weir.common.types.RowType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Deduplication: {@code ROW_NUMBER() OVER (PARTITION BY keys ORDER BY time ASC|DESC) = 1}. Keeps
 * the first row per key ({@code keepLastRow == false}: insert-only on processing time; on event
 * time a row with an earlier time replaces the first with {@code -U}/{@code +U}) or the last row
 * (every newer row updates the key's result).
 */
public record DeduplicateSpec(
    List<Integer> keys,
    int timeField,
    boolean eventTime,
    boolean keepLastRow,
    boolean generateUpdateBefore,
    RowType inputType)
    implements OperatorSpec {

  public DeduplicateSpec {
    keys = List.copyOf(keys);
    requireNonNull(inputType, "inputType");
  }

  @Override
  public RowType outputType() {
    return inputType;
  }

  @Override
  public String explain() {
    List<String> in = inputType.names();
    return "Deduplicate(keep=[" + (keepLastRow ? "LastRow" : "FirstRow") + "], key=["
        + keys.stream().map(in::get).collect(Collectors.joining(", ")) + "], order=["
        + (eventTime ? "ROWTIME" : "PROCTIME") + "])";
  }
}
