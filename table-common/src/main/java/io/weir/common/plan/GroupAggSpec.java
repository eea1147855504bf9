package io.weir.common.plan;

import static java.util.Objects.requireNonNull;

import io.weir.common.types.RowType;
import java.util.List;

/**
 * Unbounded {@code GROUP BY}: keeps an accumulator per group and emits the group's new result on
 * every change — {@code +I} the first time, then {@code -U}/{@code +U} pairs (or {@code +U} alone
 * when {@code generateUpdateBefore} is false, for upsert consumers), and {@code -D} when the
 * group's last row is retracted. Output: the group keys, then one column per aggregate.
 *
 * @param inputUpdating whether the input contains retractions ({@code -U}/{@code -D}), which the
 *     aggregates must undo
 * @param stateTtlMillis how long a group's state lives after its last change; 0 keeps it forever
 */
public record GroupAggSpec(
    List<Integer> groupKeys,
    List<AggregateCallSpec> aggregates,
    boolean inputUpdating,
    boolean generateUpdateBefore,
    long stateTtlMillis,
    RowType inputType,
    RowType outputType,
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    MiniBatch miniBatch)
    implements OperatorSpec {

  /**
   * Mini-batch aggregation ({@code table.exec.mini-batch.*}): input rows are buffered, at most
   * {@code size} of them for at most {@code latencyMillis}, and applied per group key at once.
   */
  public record MiniBatch(long size, long latencyMillis) {
    public MiniBatch {
      if (size <= 0 || latencyMillis <= 0) {
        throw new IllegalArgumentException("a mini-batch needs a positive size and latency");
      }
    }
  }

  /** Without mini-batches: every row is applied as it comes. */
  public GroupAggSpec(List<Integer> groupKeys, List<AggregateCallSpec> aggregates, boolean inputUpdating,
      boolean generateUpdateBefore, long stateTtlMillis, RowType inputType, RowType outputType) {
    this(groupKeys, aggregates, inputUpdating, generateUpdateBefore, stateTtlMillis, inputType, outputType, null);
  }

  public GroupAggSpec {
    groupKeys = List.copyOf(groupKeys);
    aggregates = List.copyOf(aggregates);
    requireNonNull(inputType, "inputType");
    requireNonNull(outputType, "outputType");
    if (outputType.arity() != groupKeys.size() + aggregates.size()) {
      throw new IllegalArgumentException("output " + outputType + " does not hold " + groupKeys.size()
          + " keys and " + aggregates.size() + " aggregates");
    }
  }

  @Override
  public String explain() {
    String aggregation = AggregateCallSpec.explainGroupAndSelect(groupKeys, aggregates, inputType.names(), List.of());
    int select = aggregation.indexOf("select=[");
    return "GroupAggregate(" + aggregation.substring(0, select) + (inputUpdating ? "retract=[true], " : "")
        + aggregation.substring(select) + ")";
  }
}
