package io.weir.common.plan;

import static java.util.Objects.requireNonNull;

import io.weir.common.types.RowType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Window Top-N and window deduplication: the top {@code rankEnd} rows per partition and window
 * (the partition keys include the window), emitted once, insert-only, when the watermark passes
 * the window's end ({@code windowEndField}, exclusive). Rows of closed windows are late and
 * dropped.
 */
public record WindowRankSpec(
    int windowEndField,
    List<Integer> partitionKeys,
    List<SortKeySpec> sortKeys,
    long rankStart,
    long rankEnd,
    boolean outputRankNumber,
    RowType inputType,
    RowType outputType)
    implements OperatorSpec {

  public WindowRankSpec {
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
    return "WindowRank(window=[" + in.get(windowEndField) + "], rankRange=[rankStart=" + rankStart + ", rankEnd=" + rankEnd + "], "
        + "partitionBy=[" + partitionKeys.stream().map(in::get).collect(Collectors.joining(", ")) + "], "
        + "orderBy=[" + sortKeys.stream().map(k -> k.explain(in)).collect(Collectors.joining(", ")) + "], "
        + "select=[" + String.join(", ", outputType.names()) + "])";
  }
}
