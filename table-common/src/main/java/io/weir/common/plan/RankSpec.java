package io.weir.common.plan;

import static java.util.Objects.requireNonNull;

import io.weir.common.types.RowType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Top-N: {@code ROW_NUMBER() OVER (PARTITION BY keys ORDER BY sort) AS rn … WHERE rn <= N}. Keeps
 * the top {@code rankEnd} rows per partition and emits changes to that top: a row entering it is
 * {@code +I}, one pushed out {@code -D}, one whose rank number moves {@code -U}/{@code +U} (when
 * the rank number is output).
 *
 * <p>Deduplication is the case {@code rankEnd == 1} ordered by a time attribute: keeping the first
 * row per key (ascending) emits insert-only; keeping the last (descending) emits updates.
 *
 * @param outputRankNumber whether the output ends with the rank number (BIGINT)
 * @param inputUpdating whether the input contains retractions
 */
public record RankSpec(
    List<Integer> partitionKeys,
    List<SortKeySpec> sortKeys,
    long rankStart,
    long rankEnd,
    boolean outputRankNumber,
    boolean inputUpdating,
    RowType inputType,
    RowType outputType)
    implements OperatorSpec {

  public RankSpec {
    partitionKeys = List.copyOf(partitionKeys);
    sortKeys = List.copyOf(sortKeys);
    requireNonNull(inputType, "inputType");
    requireNonNull(outputType, "outputType");
    if (rankStart < 1 || rankEnd < rankStart) {
      throw new IllegalArgumentException("rank range [" + rankStart + ", " + rankEnd + "] is empty or starts below 1");
    }
  }

  @Override
  public String explain() {
    List<String> in = inputType.names();
    return "Rank(rankType=[ROW_NUMBER], rankRange=[rankStart=" + rankStart + ", rankEnd=" + rankEnd + "], "
        + "partitionBy=[" + partitionKeys.stream().map(in::get).collect(Collectors.joining(", ")) + "], "
        + "orderBy=[" + sortKeys.stream().map(k -> k.explain(in)).collect(Collectors.joining(", ")) + "], "
        + "select=[" + String.join(", ", outputType.names()) + "])";
  }
}
