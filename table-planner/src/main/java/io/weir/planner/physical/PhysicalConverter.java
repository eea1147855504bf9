package io.weir.planner.physical;

import io.weir.common.error.WeirException;
import io.weir.planner.ConnectorCapabilities;
import io.weir.planner.calcite.WeirTable;
import io.weir.planner.catalog.CatalogTable;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalUnion;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;

/**
 * Turns an optimised logical plan into physical stream nodes, pushing projections and filters into
 * table scans: a scan emits only the columns its consumer reads (and the connector reads only the
 * physical fields behind them when it supports projection push-down), and a filter moves into the
 * scan when the connector accepts filter push-down.
 */
public final class PhysicalConverter {
  private final ConnectorCapabilities capabilities;

  public PhysicalConverter(ConnectorCapabilities capabilities) {
    this.capabilities = capabilities;
  }

  ConnectorCapabilities capabilities() {
    return capabilities;
  }

  public StreamPhysicalRel convert(RelNode rel) {
    RelOptCluster cluster = rel.getCluster();
    RelTraitSet traits = cluster.traitSetOf(StreamPhysicalRel.STREAM);
    if (rel instanceof LogicalCalc calc) {
      RexProgram program = calc.getProgram();
      List<RexNode> projects = new ArrayList<>();
      program.getProjectList().forEach(p -> projects.add(program.expandLocalRef(p)));
      RexNode condition = program.getCondition() == null ? null : program.expandLocalRef(program.getCondition());
      if (calc.getInput() instanceof TableScan scan) {
        return scanWithPushDown(scan, projects, condition, calc.getRowType());
      }
      if (calc.getInput() instanceof org.apache.calcite.rel.logical.LogicalWindow window
          && OverConversions.isRowNumberOnly(window)) {
        return OverConversions.rank(this, window, projects, condition, calc.getRowType());
      }
      return calc(convert(calc.getInput()), projects, condition, calc.getRowType());
    }
    if (rel instanceof org.apache.calcite.rel.logical.LogicalWindow window) {
      if (OverConversions.isRowNumberOnly(window)) {
        throw new WeirException("ROW_NUMBER() over a stream needs a filter on its result (WHERE rn <= N): "
            + "without one every row would have to be kept and re-ranked forever");
      }
      return OverConversions.overAggregate(this, window);
    }
    if (rel instanceof TableScan scan) {
      List<Integer> all = new ArrayList<>();
      for (int i = 0; i < scan.getRowType().getFieldCount(); i++) {
        all.add(i);
      }
      return new StreamPhysicalTableSourceScan(cluster, traits, table(scan), scan.getRowType(), all, null,
          capabilities.sourceChangelogMode(table(scan).options()));
    }
    if (rel instanceof org.apache.calcite.rel.logical.LogicalTableFunctionScan tfs) {
      WindowConversions.WindowCall w = WindowConversions.windowCall(tfs);
      if (w == null) {
        throw new WeirException("Table function " + tfs.getCall() + " is not supported");
      }
      StreamPhysicalRel input = convert(tfs.getInputs().get(0));
      boolean eventTime = WindowConversions.isEventTime(input, w.timeField(), w.function());
      return new StreamPhysicalWindowTableFunction(cluster, traits, input, w.spec(), w.timeField(), eventTime,
          w.partitionKeys(), tfs.getRowType());
    }
    if (rel instanceof org.apache.calcite.rel.logical.LogicalAggregate agg) {
      if (agg.getGroupType() != org.apache.calcite.rel.core.Aggregate.Group.SIMPLE) {
        throw new WeirException("GROUPING SETS, ROLLUP and CUBE are not supported yet");
      }
      StreamPhysicalRel window = windowAggregate(agg);
      if (window != null) {
        return window;
      }
      if (agg.getAggCallList().stream().anyMatch(c -> c.getAggregation().getKind() == org.apache.calcite.sql.SqlKind.LITERAL_AGG)) {
        return withoutLiteralAggregates(agg);
      }
      return new StreamPhysicalGroupAggregate(cluster, traits, convert(agg.getInput()), agg.getGroupSet(),
          agg.getAggCallList(), agg.getRowType());
    }
    if (rel instanceof org.apache.calcite.rel.logical.LogicalJoin join) {
      return JoinConversions.convert(this, join);
    }
    if (rel instanceof org.apache.calcite.rel.logical.LogicalCorrelate correlate) {
      return JoinConversions.temporal(this, correlate);
    }
    if (rel instanceof LogicalValues values) {
      return new StreamPhysicalValues(cluster, traits, values.getRowType(), values.getTuples().stream().map(t -> (List<org.apache.calcite.rex.RexLiteral>) t).toList());
    }
    if (rel instanceof LogicalUnion union) {
      if (!union.all) {
        throw new WeirException("UNION without ALL is not supported yet; use UNION ALL");
      }
      List<RelNode> inputs = new ArrayList<>();
      for (RelNode in : union.getInputs()) {
        inputs.add(convert(in));
      }
      return new StreamPhysicalUnion(cluster, traits, inputs, union.getRowType());
    }
    throw new WeirException(
        "This query needs " + describe(rel) + ", which Weir does not support yet.\n" + RelOptUtil.toString(rel));
  }

  /**
   * Calcite's {@code LITERAL_AGG(x)} (in its NOT IN plans) is the constant {@code x} for every group:
   * the aggregate without it, then a projection putting the constants back in their places.
   */
  private StreamPhysicalRel withoutLiteralAggregates(org.apache.calcite.rel.logical.LogicalAggregate agg) {
    List<org.apache.calcite.rel.core.AggregateCall> kept = new ArrayList<>();
    for (org.apache.calcite.rel.core.AggregateCall c : agg.getAggCallList()) {
      if (c.getAggregation().getKind() != org.apache.calcite.sql.SqlKind.LITERAL_AGG) {
        kept.add(c);
      }
    }
    org.apache.calcite.rel.logical.LogicalAggregate reduced = agg.copy(agg.getTraitSet(), agg.getInput(), agg.getGroupSet(),
        agg.getGroupSets(), kept);
    StreamPhysicalRel input = convert(reduced);
    int keys = agg.getGroupCount();
    List<RexNode> projects = new ArrayList<>();
    for (int i = 0; i < keys; i++) {
      projects.add(RexInputRef.of(i, input.getRowType()));
    }
    int next = keys;
    for (org.apache.calcite.rel.core.AggregateCall c : agg.getAggCallList()) {
      if (c.getAggregation().getKind() == org.apache.calcite.sql.SqlKind.LITERAL_AGG) {
        projects.add(agg.getCluster().getRexBuilder().makeCast(c.getType(), c.rexList.get(0), true, false));
      } else {
        projects.add(RexInputRef.of(next++, input.getRowType()));
      }
    }
    return calc(input, projects, null, agg.getRowType());
  }

  /**
   * A calc over {@code input}, merged into {@code input} when that is a calc too, so consecutive
   * projections cost one operator.
   */
  StreamPhysicalRel calc(StreamPhysicalRel input, List<RexNode> projects, RexNode condition,
      org.apache.calcite.rel.type.RelDataType rowType) {
    RelOptCluster cluster = input.getCluster();
    RelTraitSet traits = cluster.traitSetOf(StreamPhysicalRel.STREAM);
    if (input instanceof StreamPhysicalCalc inner && inner.projects().stream().allMatch(RexUtil::isDeterministic)) {
      RexShuttle inline = new RexShuttle() {
        @Override
        public RexNode visitInputRef(RexInputRef ref) {
          return inner.projects().get(ref.getIndex());
        }
      };
      List<RexNode> merged = new ArrayList<>();
      for (RexNode p : projects) {
        merged.add(p.accept(inline));
      }
      RexNode outer = condition == null ? null : condition.accept(inline);
      RexNode both = inner.condition() == null ? outer : outer == null ? inner.condition()
          : RexUtil.composeConjunction(cluster.getRexBuilder(), List.of(inner.condition(), outer));
      if (both == null && RexUtil.isIdentity(merged, inner.getInput().getRowType())
          && inner.getInput().getRowType().getFieldNames().equals(rowType.getFieldNames())) {
        return (StreamPhysicalRel) inner.getInput();
      }
      return new StreamPhysicalCalc(cluster, traits, inner.getInput(), merged, both, rowType);
    }
    if (condition == null && RexUtil.isIdentity(projects, input.getRowType())
        && input.getRowType().getFieldNames().equals(rowType.getFieldNames())) {
      return input;
    }
    return new StreamPhysicalCalc(cluster, traits, input, projects, condition, rowType);
  }

  /**
   * A window aggregation, when {@code agg} groups by a window: by window_start/window_end of a
   * window table function, or by a legacy {@code TUMBLE(ts, …)} group key. Null otherwise.
   */
  private StreamPhysicalRel windowAggregate(org.apache.calcite.rel.logical.LogicalAggregate agg) {
    RelNode in = agg.getInput();
    LogicalCalc calc = in instanceof LogicalCalc c ? c : null;
    RelNode below = calc != null ? calc.getInput() : in;
    if (below instanceof org.apache.calcite.rel.logical.LogicalTableFunctionScan tfs) {
      WindowConversions.WindowCall w = WindowConversions.windowCall(tfs);
      if (w == null) {
        return null;
      }
      RelNode source = tfs.getInputs().get(0);
      int n = source.getRowType().getFieldCount();
      WindowConversions.Rewrite r = WindowConversions.rewrite(agg, WindowConversions.Projection.of(calc, tfs), source,
          w.timeField(),
          p -> p instanceof RexInputRef ref && ref.getIndex() == n,
          p -> p instanceof RexInputRef ref && ref.getIndex() == n + 1,
          p -> p instanceof RexInputRef ref && ref.getIndex() == n + 2,
          p -> WindowConversions.readsFieldsFrom(p, n));
      return r == null ? null : windowAggregate(agg, r, w);
    }
    if (calc == null) {
      return null;
    }
    WindowConversions.Projection projection = WindowConversions.Projection.of(calc, below);
    for (int k : agg.getGroupSet().asList()) {
      RexNode key = projection.projects().get(k);
      WindowConversions.WindowCall w = WindowConversions.legacyWindow(key);
      if (w != null) {
        WindowConversions.Rewrite r = WindowConversions.rewrite(agg, projection, below, w.timeField(),
            key::equals, p -> false, p -> false, p -> WindowConversions.contains(p, key));
        if (r == null) {
          throw new WeirException(w.function() + "(…) may only be used as a GROUP BY key and in its _START/_END functions");
        }
        return windowAggregate(agg, r, w);
      }
    }
    return null;
  }

  private StreamPhysicalRel windowAggregate(org.apache.calcite.rel.logical.LogicalAggregate agg,
      WindowConversions.Rewrite r, WindowConversions.WindowCall w) {
    RelOptCluster cluster = agg.getCluster();
    RelTraitSet traits = cluster.traitSetOf(StreamPhysicalRel.STREAM);
    StreamPhysicalRel input = convert(r.input());
    boolean eventTime = WindowConversions.isEventTime(input, r.timeField(), w.function());
    org.apache.calcite.rel.type.RelDataType type = WindowConversions.windowAggregateType(
        cluster, input.getRowType(), r.keys(), r.calls(), r.timeField());
    StreamPhysicalWindowAggregate windowAgg = new StreamPhysicalWindowAggregate(cluster, traits, input, w.spec(),
        r.timeField(), eventTime, r.keys(), r.calls(), type);
    List<RexNode> projects = new ArrayList<>();
    for (int i : r.outputOrder()) {
      projects.add(RexInputRef.of(i, type));
    }
    return calc(windowAgg, projects, null, agg.getRowType());
  }

  private static String describe(RelNode rel) {
    String name = rel.getRelTypeName().replace("Logical", "");
    return switch (name) {
      case "Aggregate" -> "an aggregation (GROUP BY or an aggregate function)";
      case "Join", "Correlate" -> "a join";
      case "Sort" -> "ORDER BY / LIMIT";
      case "Window" -> "an OVER window";
      default -> "a " + name + " operator";
    };
  }

  private static CatalogTable table(TableScan scan) {
    WeirTable t = scan.getTable().unwrap(WeirTable.class);
    if (t == null) {
      throw new IllegalStateException("scan of a table Weir does not own: " + scan.getTable().getQualifiedName());
    }
    return t.catalogTable();
  }

  private StreamPhysicalRel scanWithPushDown(TableScan scan, List<RexNode> projects, RexNode condition,
      org.apache.calcite.rel.type.RelDataType outputType) {
    RelOptCluster cluster = scan.getCluster();
    RelTraitSet traits = cluster.traitSetOf(StreamPhysicalRel.STREAM);
    CatalogTable table = table(scan);
    RexNode scanFilter = null;
    RexNode remaining = condition;
    if (condition != null && capabilities.supportsFilterPushDown(table.options())) {
      scanFilter = condition;
      remaining = null;
    }
    TreeSet<Integer> used = new TreeSet<>();
    for (RexNode p : projects) {
      used.addAll(RelOptUtil.InputFinder.bits(p).asList());
    }
    if (remaining != null) {
      used.addAll(RelOptUtil.InputFinder.bits(remaining).asList());
    }
    List<Integer> projection = new ArrayList<>(used);
    StreamPhysicalTableSourceScan physicalScan =
        new StreamPhysicalTableSourceScan(cluster, traits, table, scan.getRowType(), projection, scanFilter,
            capabilities.sourceChangelogMode(table.options()));
    RexShuttle remap = new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(projection.indexOf(ref.getIndex()), ref.getType());
      }
    };
    List<RexNode> newProjects = new ArrayList<>();
    for (RexNode p : projects) {
      newProjects.add(p.accept(remap));
    }
    RexNode newCondition = remaining == null ? null : remaining.accept(remap);
    boolean identity = newCondition == null
        && RexUtil.isIdentity(newProjects, physicalScan.getRowType())
        && physicalScan.getRowType().getFieldNames().equals(outputType.getFieldNames());
    if (identity) {
      return physicalScan;
    }
    return new StreamPhysicalCalc(cluster, traits, physicalScan, newProjects, newCondition, outputType);
  }
}
