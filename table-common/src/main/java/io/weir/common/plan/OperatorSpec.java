package io.weir.common.plan;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.weir.common.types.RowType;

/**
 * What one operator of a {@link StreamGraph} does, as data. The runtime builds an operator from a
 * spec through a registry keyed by the spec's class; EXPLAIN prints {@link #explain()}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ScanSpec.class, name = "scan"),
  @JsonSubTypes.Type(value = ValuesSpec.class, name = "values"),
  @JsonSubTypes.Type(value = CalcSpec.class, name = "calc"),
  @JsonSubTypes.Type(value = UnionSpec.class, name = "union"),
  @JsonSubTypes.Type(value = SinkSpec.class, name = "sink"),
  @JsonSubTypes.Type(value = CollectSpec.class, name = "collect"),
  @JsonSubTypes.Type(value = GroupAggSpec.class, name = "group-aggregate"),
  @JsonSubTypes.Type(value = WindowAggSpec.class, name = "window-aggregate"),
  @JsonSubTypes.Type(value = WindowTableFunctionSpec.class, name = "window-table-function"),
  @JsonSubTypes.Type(value = RankSpec.class, name = "rank"),
  @JsonSubTypes.Type(value = DeduplicateSpec.class, name = "deduplicate"),
  @JsonSubTypes.Type(value = WindowRankSpec.class, name = "window-rank"),
  @JsonSubTypes.Type(value = OverAggSpec.class, name = "over-aggregate"),
  @JsonSubTypes.Type(value = JoinSpec.class, name = "join"),
  @JsonSubTypes.Type(value = IntervalJoinSpec.class, name = "interval-join"),
  @JsonSubTypes.Type(value = WindowJoinSpec.class, name = "window-join"),
  @JsonSubTypes.Type(value = TemporalJoinSpec.class, name = "temporal-join"),
  @JsonSubTypes.Type(value = LookupJoinSpec.class, name = "lookup-join"),
  @JsonSubTypes.Type(value = ChangelogNormalizeSpec.class, name = "changelog-normalize")
})
public sealed interface OperatorSpec
    permits ScanSpec, ValuesSpec, CalcSpec, UnionSpec, SinkSpec, CollectSpec, GroupAggSpec, WindowAggSpec,
        WindowTableFunctionSpec, RankSpec, DeduplicateSpec, WindowRankSpec, OverAggSpec, JoinSpec, IntervalJoinSpec,
        WindowJoinSpec, TemporalJoinSpec, LookupJoinSpec, ChangelogNormalizeSpec {

  /** The schema of the rows this operator emits (for a sink: of the rows it takes). */
  RowType outputType();

  /** One line for EXPLAIN: {@code Calc(select=[a, b], where=[>(a, 5)])}. */
  String explain();

  /** True when this operator starts the graph (it has no inputs). */
  default boolean isSource() {
    return false;
  }
}
