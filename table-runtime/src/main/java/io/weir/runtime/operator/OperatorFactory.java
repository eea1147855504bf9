package io.weir.runtime.operator;

import io.weir.common.plan.CalcSpec;
import io.weir.common.plan.CollectSpec;
import io.weir.common.plan.OperatorSpec;
import io.weir.common.plan.SinkSpec;
import io.weir.common.plan.UnionSpec;
import io.weir.runtime.job.ResultCollector;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Builds operators from specs through a registry keyed by the spec's class. Source specs are not
 * operators (their task reads them), so they are not in it.
 */
public final class OperatorFactory {
  private final Map<Class<? extends OperatorSpec>, BiFunction<OperatorSpec, Function<String, ResultCollector>, StreamOperator>> builders =
      new HashMap<>();

  public OperatorFactory() {
    register(CalcSpec.class, (spec, results) -> new CalcOperator(spec));
    register(UnionSpec.class, (spec, results) -> new UnionOperator());
    register(SinkSpec.class, (spec, results) -> new SinkOperator(spec));
    register(io.weir.common.plan.ChangelogNormalizeSpec.class, (spec, results) -> new ChangelogNormalizeOperator(spec));
    register(CollectSpec.class, (spec, results) -> new CollectOperator(results.apply(spec.resultId())));
    register(io.weir.common.plan.GroupAggSpec.class,
        (spec, results) -> new io.weir.runtime.operator.aggregate.GroupAggOperator(spec));
    register(io.weir.common.plan.WindowAggSpec.class,
        (spec, results) -> new io.weir.runtime.operator.window.WindowAggOperator(spec));
    register(io.weir.common.plan.OverAggSpec.class,
        (spec, results) -> new io.weir.runtime.operator.over.OverAggOperator(spec));
    register(io.weir.common.plan.JoinSpec.class,
        (spec, results) -> new io.weir.runtime.operator.join.JoinOperator(spec));
    register(io.weir.common.plan.IntervalJoinSpec.class,
        (spec, results) -> new io.weir.runtime.operator.join.IntervalJoinOperator(spec));
    register(io.weir.common.plan.WindowJoinSpec.class,
        (spec, results) -> new io.weir.runtime.operator.join.WindowJoinOperator(spec));
    register(io.weir.common.plan.TemporalJoinSpec.class,
        (spec, results) -> new io.weir.runtime.operator.join.TemporalJoinOperator(spec));
    register(io.weir.common.plan.LookupJoinSpec.class,
        (spec, results) -> new io.weir.runtime.operator.join.LookupJoinOperator(spec));
    register(io.weir.common.plan.RankSpec.class, (spec, results) -> new io.weir.runtime.operator.rank.RankOperator(spec));
    register(io.weir.common.plan.DeduplicateSpec.class,
        (spec, results) -> new io.weir.runtime.operator.rank.DeduplicateOperator(spec));
    register(io.weir.common.plan.WindowTableFunctionSpec.class,
        (spec, results) -> new io.weir.runtime.operator.window.WindowTableFunctionOperator(spec));
    register(io.weir.common.plan.WindowRankSpec.class,
        (spec, results) -> new io.weir.runtime.operator.window.WindowRankOperator(spec));
  }

  /** Adds or replaces the builder of one spec type. */
  @SuppressWarnings("unchecked")
  public <S extends OperatorSpec> void register(
      Class<S> type, BiFunction<S, Function<String, ResultCollector>, StreamOperator> builder) {
    builders.put(type, (spec, results) -> builder.apply((S) spec, results));
  }

  /** A new operator for {@code spec}; {@code results} resolves a query's result collector by id. */
  public StreamOperator create(OperatorSpec spec, Function<String, ResultCollector> results) {
    var builder = builders.get(spec.getClass());
    if (builder == null) {
      throw new IllegalArgumentException("No operator for " + spec.getClass().getSimpleName());
    }
    return builder.apply(spec, results);
  }
}
