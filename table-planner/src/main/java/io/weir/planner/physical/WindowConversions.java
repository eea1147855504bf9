package io.weir.planner.physical;

import io.weir.common.error.WeirException;
import io.weir.common.plan.WindowSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalTableFunctionScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Recognises windows in a logical plan: window table functions ({@code TABLE(TUMBLE(…))}), window
 * aggregations over them ({@code GROUP BY window_start, window_end, …}) and the legacy group
 * windows ({@code GROUP BY TUMBLE(ts, …)}), and rewrites a window aggregation to read the rows
 * the window function would have windowed, so overlapping windows share slices.
 */
final class WindowConversions {
  private WindowConversions() {}

  /** A window function call: its shape, its time column and (SESSION) its partition keys. */
  record WindowCall(WindowSpec spec, int timeField, String function, List<Integer> partitionKeys) {}

  /** The window call of a window table function scan, or null for any other table function. */
  static WindowCall windowCall(LogicalTableFunctionScan scan) {
    if (!(scan.getCall() instanceof RexCall call)) {
      return null;
    }
    String name = call.getOperator().getName().toUpperCase(java.util.Locale.ROOT);
    if (!List.of("TUMBLE", "HOP", "CUMULATE", "SESSION").contains(name)) {
      return null;
    }
    RexNode descriptor = call.getOperands().get(0);
    if (!(descriptor instanceof RexCall d) || !(d.getOperands().get(0) instanceof RexInputRef time)) {
      throw new WeirException(name + " needs DESCRIPTOR(time_column) over the table's own columns"
          + (name.equals("SESSION") ? "; SESSION with PARTITION BY is not supported yet" : ""));
    }
    List<Long> args = new ArrayList<>();
    List<Integer> partitionKeys = new ArrayList<>();
    for (RexNode operand : call.getOperands().subList(1, call.getOperands().size())) {
      if (name.equals("SESSION") && operand instanceof RexCall keys && keys.getOperator().getName().equals("DESCRIPTOR")) {
        // SESSION(…, DESCRIPTOR(k…), gap): the partition keys (Flink's PARTITION BY, rewritten).
        for (RexNode k : keys.getOperands()) {
          partitionKeys.add(((RexInputRef) k).getIndex());
        }
        continue;
      }
      args.add(millis(operand, name));
    }
    WindowSpec spec = switch (name) {
      case "TUMBLE" -> new WindowSpec.Tumble(args.get(0), args.size() > 1 ? args.get(1) : 0);
      case "HOP" -> new WindowSpec.Hop(args.get(1), args.get(0), args.size() > 2 ? args.get(2) : 0);
      case "CUMULATE" -> new WindowSpec.Cumulate(args.get(1), args.get(0), args.size() > 2 ? args.get(2) : 0);
      default -> new WindowSpec.Session(args.get(0));
    };
    return new WindowCall(spec, time.getIndex(), name, partitionKeys);
  }

  /** A legacy group window key ({@code $TUMBLE(ts, size)}…), or null. */
  static WindowCall legacyWindow(RexNode key) {
    if (!(key instanceof RexCall call)) {
      return null;
    }
    String name = call.getOperator().getName();
    if (!List.of("$TUMBLE", "$HOP", "$SESSION").contains(name)) {
      return null;
    }
    if (!(call.getOperands().get(0) instanceof RexInputRef time)) {
      throw new WeirException(name.substring(1) + " group windows need a time column, not an expression");
    }
    List<Long> args = new ArrayList<>();
    for (RexNode operand : call.getOperands().subList(1, call.getOperands().size())) {
      args.add(millis(operand, name.substring(1)));
    }
    WindowSpec spec = switch (name) {
      case "$TUMBLE" -> new WindowSpec.Tumble(args.get(0), args.size() > 1 ? args.get(1) : 0);
      case "$HOP" -> new WindowSpec.Hop(args.get(1), args.get(0), args.size() > 2 ? args.get(2) : 0);
      default -> new WindowSpec.Session(args.get(0));
    };
    return new WindowCall(spec, time.getIndex(), name.substring(1), List.of());
  }

  private static long millis(RexNode operand, String function) {
    if (operand instanceof RexLiteral lit && lit.getValueAs(BigDecimal.class) != null
        && SqlTypeName.INTERVAL_TYPES.contains(lit.getTypeName())) {
      return lit.getValueAs(BigDecimal.class).longValueExact();
    }
    throw new WeirException(function + " takes constant day-time intervals such as INTERVAL '10' SECOND, not " + operand);
  }

  /** Whether {@code input}'s column {@code field} is its event-time (true) or processing-time (false) attribute. */
  static boolean isEventTime(StreamPhysicalRel input, int field, String function) {
    if (input.watermarkColumn() == field) {
      return true;
    }
    if (input.proctimeColumn() == field) {
      return false;
    }
    throw new WeirException("The window function " + function + " requires its time column '"
        + input.getRowType().getFieldNames().get(field) + "' to be a time attribute: a column with a WATERMARK, "
        + "or a PROCTIME() computed column");
  }

  /** The projections and condition of an optional calc, as plain expressions. */
  record Projection(List<RexNode> projects, RexNode condition) {
    static Projection of(LogicalCalc calc, RelNode input) {
      if (calc == null) {
        List<RexNode> refs = new ArrayList<>();
        for (int i = 0; i < input.getRowType().getFieldCount(); i++) {
          refs.add(new RexInputRef(i, input.getRowType().getFieldList().get(i).getType()));
        }
        return new Projection(refs, null);
      }
      RexProgram p = calc.getProgram();
      List<RexNode> projects = new ArrayList<>();
      p.getProjectList().forEach(r -> projects.add(p.expandLocalRef(r)));
      return new Projection(projects, p.getCondition() == null ? null : p.expandLocalRef(p.getCondition()));
    }
  }

  /**
   * What a window aggregation reads and how its output maps back: {@code input} computes the
   * aggregation's fields from the window function's input (time field last), {@code keys} and
   * {@code calls} refer to it.
   */
  record Rewrite(RelNode input, int timeField, List<Integer> keys, List<AggregateCall> calls, List<Integer> outputOrder) {}

  /**
   * Rewrites {@code agg} over {@code projection} (of rows with window columns {@code windowStart},
   * {@code windowEnd}; others in {@code windowColumns}) to read {@code source} directly.
   *
   * @param isWindowStart tells which projected expressions are the window's start (and end)
   * @return null when the aggregation does not group by the window (a plain group aggregation)
   */
  static Rewrite rewrite(LogicalAggregate agg, Projection projection, RelNode source, int timeField,
      java.util.function.Predicate<RexNode> isWindowStart, java.util.function.Predicate<RexNode> isWindowEnd,
      java.util.function.Predicate<RexNode> isWindowTime, java.util.function.Predicate<RexNode> touchesWindow) {
    List<Integer> groupKeys = agg.getGroupSet().asList();
    int startKey = -1;
    int endKey = -1;
    int timeKey = -1;
    for (int k : groupKeys) {
      RexNode p = projection.projects().get(k);
      if (isWindowStart.test(p)) {
        startKey = k;
      } else if (isWindowEnd.test(p)) {
        endKey = k;
      } else if (isWindowTime.test(p)) {
        // Grouping by window_time too (to cascade windows) adds nothing: it follows from the window.
        timeKey = k;
      }
    }
    if (startKey < 0 && endKey < 0) {
      return null;
    }
    if (projection.condition() != null && touchesWindow.test(projection.condition())) {
      return null;
    }
    // Keep every projected field except the window's, then the time field.
    List<RexNode> projects = new ArrayList<>();
    int[] newIndex = new int[projection.projects().size()];
    for (int j = 0; j < projection.projects().size(); j++) {
      RexNode p = projection.projects().get(j);
      if (j == startKey || j == endKey || j == timeKey) {
        newIndex[j] = -1;
        continue;
      }
      if (touchesWindow.test(p)) {
        // A key or argument computed from the window columns: not a window aggregation we know.
        boolean used = groupKeys.contains(j);
        for (AggregateCall c : agg.getAggCallList()) {
          used |= c.getArgList().contains(j) || c.filterArg == j;
        }
        if (used) {
          return null;
        }
        newIndex[j] = -1;
        continue;
      }
      newIndex[j] = projects.size();
      projects.add(p);
    }
    RexBuilder rex = agg.getCluster().getRexBuilder();
    RelDataType sourceType = source.getRowType();
    RexInputRef timeRef = new RexInputRef(timeField, sourceType.getFieldList().get(timeField).getType());
    int newTime = projects.indexOf(timeRef);
    if (newTime < 0) {
      projects.add(timeRef);
      newTime = projects.size() - 1;
    }
    // Name the fields as the query did, so plans and errors speak the user's words.
    List<String> aggInputNames = agg.getInput().getRowType().getFieldNames();
    List<String> names = new ArrayList<>();
    for (int j = 0; j < newIndex.length; j++) {
      if (newIndex[j] >= 0) {
        names.add(aggInputNames.get(j));
      }
    }
    if (names.size() < projects.size()) {
      names.add(sourceType.getFieldNames().get(timeField));
    }
    names = org.apache.calcite.sql.validate.SqlValidatorUtil.uniquify(names, false);
    RexProgram program = RexProgram.create(sourceType, projects, projection.condition(),
        agg.getCluster().getTypeFactory().createStructType(projects.stream().map(RexNode::getType).toList(), names), rex);
    RelNode input = LogicalCalc.create(source, program);
    List<Integer> keys = new ArrayList<>();
    for (int k : groupKeys) {
      if (k != startKey && k != endKey && k != timeKey) {
        keys.add(newIndex[k]);
      }
    }
    List<AggregateCall> calls = new ArrayList<>();
    for (AggregateCall c : agg.getAggCallList()) {
      List<Integer> args = c.getArgList().stream().map(a -> newIndex[a]).toList();
      calls.add(c.copy(args, c.filterArg < 0 ? -1 : newIndex[c.filterArg], c.collation));
    }
    // Output of the window aggregate: keys, aggregates, window_start, window_end, window_time.
    List<Integer> order = new ArrayList<>();
    int keyPos = 0;
    for (int k : groupKeys) {
      if (k == startKey) {
        order.add(keys.size() + calls.size());
      } else if (k == endKey) {
        order.add(keys.size() + calls.size() + 1);
      } else if (k == timeKey) {
        order.add(keys.size() + calls.size() + 2);
      } else {
        order.add(keyPos++);
      }
    }
    for (int i = 0; i < calls.size(); i++) {
      order.add(keys.size() + i);
    }
    return new Rewrite(input, newTime, keys, calls, order);
  }

  /** The row type of a window aggregate: keys, aggregates, then the three window columns. */
  static RelDataType windowAggregateType(RelOptCluster cluster, RelDataType inputType, List<Integer> keys,
      List<AggregateCall> calls, int timeField) {
    RelDataTypeFactory f = cluster.getTypeFactory();
    RelDataTypeFactory.Builder b = f.builder();
    for (int k : keys) {
      b.add(inputType.getFieldList().get(k));
    }
    for (int i = 0; i < calls.size(); i++) {
      AggregateCall c = calls.get(i);
      b.add(c.getName() == null ? "EXPR$" + i : c.getName(), c.getType());
    }
    RelDataType time = inputType.getFieldList().get(timeField).getType();
    SqlTypeName timeName = time.getSqlTypeName() == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE
        ? SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE : SqlTypeName.TIMESTAMP;
    b.add("window_start", f.createSqlType(SqlTypeName.TIMESTAMP, 3));
    b.add("window_end", f.createSqlType(SqlTypeName.TIMESTAMP, 3));
    b.add("window_time", f.createSqlType(timeName, 3));
    return b.uniquify().build();
  }

  /** Whether {@code node} is or contains {@code target}. */
  static boolean contains(RexNode node, RexNode target) {
    if (node.equals(target)) {
      return true;
    }
    if (node instanceof RexCall call) {
      for (RexNode operand : call.getOperands()) {
        if (contains(operand, target)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether {@code node} reads any of the input fields from {@code from} on. */
  static boolean readsFieldsFrom(RexNode node, int from) {
    return RelOptUtil.InputFinder.bits(node).asList().stream().anyMatch(i -> i >= from);
  }
}
