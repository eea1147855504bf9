package io.weir.planner.physical;

import io.weir.common.error.WeirException;
import io.weir.common.plan.SortKeySpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.logical.LogicalWindow;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Recognises what a {@link LogicalWindow} (an OVER clause) means in a stream: Top-N and
 * deduplication ({@code ROW_NUMBER()} filtered by {@code rn <= N}), window Top-N (when the
 * partition holds a window), and OVER aggregation over a time-ordered frame.
 */
final class OverConversions {
  private OverConversions() {}

  /** The physical plan of {@code condition}/{@code projects} (a calc) over a ROW_NUMBER window. */
  static StreamPhysicalRel rank(PhysicalConverter converter, LogicalWindow window, List<RexNode> projects,
      RexNode condition, RelDataType outputType) {
    RelOptCluster cluster = window.getCluster();
    RelTraitSet traits = cluster.traitSetOf(StreamPhysicalRel.STREAM);
    Window.Group group = window.groups.get(0);
    int n = window.getInput().getRowType().getFieldCount();
    int rnField = n;
    // Split the filter into the bound on rn and the rest.
    long start = 1;
    long end = Long.MAX_VALUE;
    List<RexNode> rest = new ArrayList<>();
    for (RexNode c : RelOptUtil.conjunctions(condition)) {
      long[] bound = rnBound(c, rnField);
      if (bound == null) {
        if (RelOptUtil.InputFinder.bits(c).get(rnField)) {
          throw new WeirException("ROW_NUMBER() may only be filtered by rn <= N, rn < N, rn = N or rn BETWEEN M AND N, not " + c);
        }
        rest.add(c);
      } else {
        start = Math.max(start, bound[0]);
        end = Math.min(end, bound[1]);
      }
    }
    if (end == Long.MAX_VALUE) {
      throw new WeirException("ROW_NUMBER() over a stream needs an upper bound (WHERE rn <= N): without one "
          + "every row would have to be kept and re-ranked forever");
    }
    boolean rnUsed = projects.stream().anyMatch(p -> RelOptUtil.InputFinder.bits(p).get(rnField))
        || rest.stream().anyMatch(p -> RelOptUtil.InputFinder.bits(p).get(rnField));
    StreamPhysicalRel input = converter.convert(window.getInput());
    List<Integer> partition = group.keys.asList();
    List<SortKeySpec> sort = new ArrayList<>();
    for (RelFieldCollation c : group.orderKeys.getFieldCollations()) {
      boolean asc = !c.direction.isDescending();
      sort.add(new SortKeySpec(c.getFieldIndex(), asc, c.nullDirection == RelFieldCollation.NullDirection.FIRST));
    }
    StreamPhysicalRel ranked;
    RexBuilder rex = cluster.getRexBuilder();
    if (start == 1 && end == 1 && sort.size() == 1 && input.changelogMode().isInsertOnly()
        && isTimeAttribute(input, sort.get(0).field())) {
      // Deduplication: the first or last row per key by time. rn, if read, is always 1.
      int time = sort.get(0).field();
      ranked = new StreamPhysicalDeduplicate(cluster, traits, input, partition, time,
          input.watermarkColumn() == time, !sort.get(0).ascending());
      RexNode one = rex.makeLiteral(1L, window.getRowType().getFieldList().get(rnField).getType(), false);
      return calcOver(converter, ranked, projects, rest, rnField, one, outputType);
    }
    int windowEnd = windowEndIn(input, partition);
    RelDataType type = input.getRowType();
    if (rnUsed) {
      RelDataTypeFactory.Builder b = cluster.getTypeFactory().builder().addAll(type.getFieldList());
      b.add(window.getRowType().getFieldList().get(rnField));
      type = b.uniquify().build();
    }
    ranked = new StreamPhysicalRank(cluster, traits, input, partition, sort, start, end, rnUsed, windowEnd, type);
    RexNode rnRef = rnUsed ? RexInputRef.of(n, type) : null;
    return calcOver(converter, ranked, projects, rest, rnField, rnRef, outputType);
  }

  /** The calc above a rank: the original projections and remaining filter, with rn replaced. */
  private static StreamPhysicalRel calcOver(PhysicalConverter converter, StreamPhysicalRel input, List<RexNode> projects,
      List<RexNode> rest, int rnField, RexNode rnValue, RelDataType outputType) {
    RexShuttle replaceRn = new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return ref.getIndex() == rnField ? rnValue : ref;
      }
    };
    List<RexNode> newProjects = new ArrayList<>();
    for (RexNode p : projects) {
      newProjects.add(p.accept(replaceRn));
    }
    RexNode cond = rest.isEmpty() ? null
        : RexUtil.composeConjunction(input.getCluster().getRexBuilder(), rest).accept(replaceRn);
    return converter.calc(input, newProjects, cond, outputType);
  }

  /** {@code [start, end]} when {@code c} bounds {@code rn}: rn <= N, rn < N, rn = N. */
  private static long[] rnBound(RexNode c, int rnField) {
    if (!(c instanceof RexCall call) || call.getOperands().size() != 2) {
      return null;
    }
    RexNode a = call.getOperands().get(0);
    RexNode b = call.getOperands().get(1);
    boolean rnLeft = a instanceof RexInputRef r && r.getIndex() == rnField;
    boolean rnRight = b instanceof RexInputRef r2 && r2.getIndex() == rnField;
    RexNode other = rnLeft ? b : rnRight ? a : null;
    if (!(other instanceof RexLiteral lit) || lit.getValueAs(BigDecimal.class) == null) {
      return null;
    }
    long v = lit.getValueAs(BigDecimal.class).longValue();
    SqlKind kind = rnLeft ? call.getKind() : call.getKind().reverse();
    return switch (kind) {
      case LESS_THAN_OR_EQUAL -> new long[] {1, v};
      case LESS_THAN -> new long[] {1, v - 1};
      case EQUALS -> new long[] {v, v};
      case GREATER_THAN_OR_EQUAL -> new long[] {v, Long.MAX_VALUE};
      case GREATER_THAN -> new long[] {v + 1, Long.MAX_VALUE};
      default -> null;
    };
  }

  private static boolean isTimeAttribute(StreamPhysicalRel input, int field) {
    return input.watermarkColumn() == field || input.proctimeColumn() == field;
  }

  /** The window_end column among the partition keys, when both window bounds are keys; else -1. */
  private static int windowEndIn(StreamPhysicalRel input, List<Integer> partition) {
    List<String> names = input.getRowType().getFieldNames();
    int start = -1;
    int end = -1;
    for (int k : partition) {
      if (names.get(k).equals("window_start")) {
        start = k;
      } else if (names.get(k).equals("window_end")) {
        end = k;
      }
    }
    return start >= 0 && end >= 0 && isWindowEnd(input, end) ? end : -1;
  }

  /** Whether column {@code field} of {@code rel} is the window_end of a window operator below it. */
  static boolean isWindowEnd(org.apache.calcite.rel.RelNode rel, int field) {
    if (rel instanceof StreamPhysicalCalc calc) {
      return calc.projects().get(field) instanceof RexInputRef ref && isWindowEnd(calc.getInput(), ref.getIndex());
    }
    if (rel instanceof StreamPhysicalWindowAggregate agg) {
      return agg.eventTime() && field == agg.getRowType().getFieldCount() - 2;
    }
    if (rel instanceof StreamPhysicalWindowTableFunction tvf) {
      return tvf.eventTime() && field == tvf.getRowType().getFieldCount() - 2;
    }
    return false;
  }

  /** OVER aggregation: one group ordered by a time attribute, frame ending at the current row. */
  static StreamPhysicalRel overAggregate(PhysicalConverter converter, LogicalWindow window) {
    if (window.groups.size() != 1) {
      throw new WeirException("OVER aggregations with different windows in one SELECT are not supported yet");
    }
    Window.Group group = window.groups.get(0);
    RelOptCluster cluster = window.getCluster();
    StreamPhysicalRel input = converter.convert(window.getInput());
    if (!input.changelogMode().isInsertOnly()) {
      throw new WeirException("OVER aggregation needs an insert-only input");
    }
    if (group.orderKeys.getFieldCollations().size() != 1
        || !isTimeAttribute(input, group.orderKeys.getFieldCollations().get(0).getFieldIndex())
        || group.orderKeys.getFieldCollations().get(0).direction.isDescending()) {
      throw new WeirException("OVER windows must be ordered by one time attribute ascending (the event-time "
          + "column with a WATERMARK, or a PROCTIME() column)");
    }
    if (!group.upperBound.isCurrentRow()) {
      throw new WeirException("OVER windows must end at CURRENT ROW");
    }
    int order = group.orderKeys.getFieldCollations().get(0).getFieldIndex();
    long preceding = -1;
    if (!group.lowerBound.isUnboundedPreceding()) {
      RexNode offset = group.lowerBound.getOffset();
      int n = window.getInput().getRowType().getFieldCount();
      if (offset instanceof RexInputRef ref && ref.getIndex() >= n) {
        offset = window.constants.get(ref.getIndex() - n);
      }
      if (!(offset instanceof RexLiteral lit) || lit.getValueAs(BigDecimal.class) == null) {
        throw new WeirException("OVER window bounds must be constants, not " + offset);
      }
      preceding = lit.getValueAs(BigDecimal.class).longValue();
      if (!group.isRows && !SqlTypeName.INTERVAL_TYPES.contains(lit.getTypeName())) {
        throw new WeirException("A RANGE frame over a time attribute needs an INTERVAL bound, e.g. "
            + "RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW");
      }
    }
    List<org.apache.calcite.rel.core.AggregateCall> calls = group.getAggregateCalls(window);
    return new StreamPhysicalOverAggregate(cluster, cluster.traitSetOf(StreamPhysicalRel.STREAM), input,
        group.keys.asList(), order, input.watermarkColumn() == order, group.isRows, preceding, calls,
        window.getRowType());
  }

  static boolean isRowNumberOnly(LogicalWindow window) {
    return window.groups.size() == 1 && window.groups.get(0).aggCalls.size() == 1
        && window.groups.get(0).aggCalls.get(0).getOperator().getKind() == SqlKind.ROW_NUMBER;
  }
}
