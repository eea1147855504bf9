package io.weir.planner.physical;

import io.weir.common.error.WeirException;
import io.weir.common.plan.JoinType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Chooses how a join runs from its condition: equal window bounds on both sides make a window
 * join; bounds between both sides' time attributes ({@code l.ts BETWEEN r.ts - INTERVAL … AND
 * r.ts + INTERVAL …}) an interval join; anything else a regular join.
 */
final class JoinConversions {
  private JoinConversions() {}

  static StreamPhysicalRel convert(PhysicalConverter converter, LogicalJoin join) {
    RelOptCluster cluster = join.getCluster();
    RexBuilder rex = cluster.getRexBuilder();
    StreamPhysicalRel left = converter.convert(join.getLeft());
    StreamPhysicalRel right = converter.convert(join.getRight());
    int leftCount = left.getRowType().getFieldCount();
    JoinType type = switch (join.getJoinType()) {
      case INNER -> JoinType.INNER;
      case LEFT -> JoinType.LEFT;
      case RIGHT -> JoinType.RIGHT;
      case FULL -> JoinType.FULL;
      case SEMI -> JoinType.SEMI;
      case ANTI -> JoinType.ANTI;
      default -> throw new WeirException("Join type " + join.getJoinType() + " is not supported");
    };
    JoinInfo info = JoinInfo.of(join.getLeft(), join.getRight(), join.getCondition());
    List<Integer> leftKeys = new ArrayList<>(info.leftKeys);
    List<Integer> rightKeys = new ArrayList<>(info.rightKeys);
    List<RexNode> remaining = new ArrayList<>(RelOptUtil.conjunctions(info.getRemaining(rex)));
    var traits = cluster.traitSetOf(StreamPhysicalRel.STREAM);

    // Window join: both sides windowed, joined on equal window_start and window_end.
    int lws = indexOf(left, "window_start");
    int lwe = indexOf(left, "window_end");
    int rws = indexOf(right, "window_start");
    int rwe = indexOf(right, "window_end");
    if (lwe >= 0 && rwe >= 0 && OverConversions.isWindowEnd(left, lwe) && OverConversions.isWindowEnd(right, rwe)) {
      int startPair = pairIndex(leftKeys, rightKeys, lws, rws);
      int endPair = pairIndex(leftKeys, rightKeys, lwe, rwe);
      if (startPair >= 0 && endPair >= 0) {
        List<Integer> lk = new ArrayList<>();
        List<Integer> rk = new ArrayList<>();
        // window_start stays a key: two windows that share an end but not a start (a 1-hour and a
        // 10-minute TUMBLE) are different windows and must not meet.
        for (int i = 0; i < leftKeys.size(); i++) {
          if (i != endPair) {
            lk.add(leftKeys.get(i));
            rk.add(rightKeys.get(i));
          }
        }
        return new StreamPhysicalJoin(cluster, traits, left, right, StreamPhysicalJoin.Kind.WINDOW, type, lk, rk,
            compose(rex, remaining), lwe, rwe, 0, 0, true, join.getRowType());
      }
    }

    // Interval join: lower and upper bounds on left.time - right.time.
    int lt = left.watermarkColumn() >= 0 ? left.watermarkColumn() : left.proctimeColumn();
    int rt = right.watermarkColumn() >= 0 ? right.watermarkColumn() : right.proctimeColumn();
    boolean eventTime = left.watermarkColumn() >= 0 && right.watermarkColumn() >= 0;
    if (lt >= 0 && rt >= 0 && type != JoinType.SEMI && type != JoinType.ANTI
        && (eventTime || (left.proctimeColumn() >= 0 && right.proctimeColumn() >= 0))) {
      long lower = Long.MIN_VALUE;
      long upper = Long.MAX_VALUE;
      List<RexNode> rest = new ArrayList<>();
      for (RexNode c : remaining) {
        long[] bound = timeBound(c, lt, leftCount + rt);
        if (bound == null) {
          rest.add(c);
        } else {
          lower = Math.max(lower, bound[0]);
          upper = Math.min(upper, bound[1]);
        }
      }
      if (lower != Long.MIN_VALUE && upper != Long.MAX_VALUE) {
        return new StreamPhysicalJoin(cluster, traits, left, right, StreamPhysicalJoin.Kind.INTERVAL, type, leftKeys,
            rightKeys, compose(rex, rest), lt, rt, lower, upper, eventTime, join.getRowType());
      }
    }
    return new StreamPhysicalJoin(cluster, traits, left, right, StreamPhysicalJoin.Kind.REGULAR, type, leftKeys,
        rightKeys, compose(rex, remaining), -1, -1, 0, 0, false, join.getRowType());
  }

  private static RexNode compose(RexBuilder rex, List<RexNode> conjuncts) {
    return conjuncts.isEmpty() ? null : RexUtil.composeConjunction(rex, conjuncts);
  }

  private static int indexOf(RelNode rel, String name) {
    return rel.getRowType().getFieldNames().indexOf(name);
  }

  private static int pairIndex(List<Integer> leftKeys, List<Integer> rightKeys, int l, int r) {
    for (int i = 0; i < leftKeys.size(); i++) {
      if (leftKeys.get(i) == l && rightKeys.get(i) == r) {
        return i;
      }
    }
    return -1;
  }

  /**
   * For a comparison between the left time field {@code lt} and the right time field {@code rt}
   * (joined-row indexes), each side possibly plus or minus a constant interval, the range it allows
   * for {@code left.time - right.time}; null for anything else.
   */
  private static long[] timeBound(RexNode c, int lt, int rt) {
    if (!(c instanceof RexCall call) || call.getOperands().size() != 2) {
      return null;
    }
    SqlKind kind = call.getKind();
    if (kind != SqlKind.GREATER_THAN && kind != SqlKind.GREATER_THAN_OR_EQUAL && kind != SqlKind.LESS_THAN
        && kind != SqlKind.LESS_THAN_OR_EQUAL) {
      return null;
    }
    long[] a = timePlusOffset(call.getOperands().get(0));
    long[] b = timePlusOffset(call.getOperands().get(1));
    if (a == null || b == null) {
      return null;
    }
    // Normalise to left.time - right.time OP c.
    long offset;
    boolean flipped;
    if (a[0] == lt && b[0] == rt) {
      offset = b[1] - a[1];
      flipped = false;
    } else if (a[0] == rt && b[0] == lt) {
      offset = a[1] - b[1];
      flipped = true;
    } else {
      return null;
    }
    SqlKind k = flipped ? kind.reverse() : kind;
    return switch (k) {
      case GREATER_THAN_OR_EQUAL -> new long[] {offset, Long.MAX_VALUE};
      case GREATER_THAN -> new long[] {offset + 1, Long.MAX_VALUE};
      case LESS_THAN_OR_EQUAL -> new long[] {Long.MIN_VALUE, offset};
      case LESS_THAN -> new long[] {Long.MIN_VALUE, offset - 1};
      default -> null;
    };
  }

  /** {@code [field, offset]} for {@code $field}, {@code $field + interval} or {@code $field - interval}. */
  private static long[] timePlusOffset(RexNode node) {
    if (node instanceof RexInputRef ref) {
      return new long[] {ref.getIndex(), 0};
    }
    if (node instanceof RexCall call && call.getOperands().size() == 2
        && call.getOperands().get(0) instanceof RexInputRef ref
        && call.getOperands().get(1) instanceof RexLiteral lit && lit.getValueAs(BigDecimal.class) != null) {
      long v = lit.getValueAs(BigDecimal.class).longValue();
      return switch (call.getKind()) {
        case PLUS -> new long[] {ref.getIndex(), v};
        case MINUS -> new long[] {ref.getIndex(), -v};
        default -> null;
      };
    }
    return null;
  }

  /**
   * {@code left JOIN right FOR SYSTEM_TIME AS OF left.time ON …}: Calcite's correlate over a
   * snapshot of the right table becomes an event-time temporal join against the right table as a
   * versioned table (its rows are versions valid from their event time on).
   */
  static StreamPhysicalRel temporal(PhysicalConverter converter, org.apache.calcite.rel.logical.LogicalCorrelate correlate) {
    RelOptCluster cluster = correlate.getCluster();
    RexBuilder rex = cluster.getRexBuilder();
    RelNode rightRel = correlate.getRight();
    org.apache.calcite.rel.logical.LogicalCalc calc = null;
    if (rightRel instanceof org.apache.calcite.rel.logical.LogicalCalc c) {
      calc = c;
      rightRel = c.getInput();
    }
    if (!(rightRel instanceof org.apache.calcite.rel.core.Snapshot snapshot)) {
      throw new WeirException("Correlated subqueries (LATERAL, table functions) are not supported yet");
    }
    StreamPhysicalRel left = converter.convert(correlate.getLeft());
    int leftCount = left.getRowType().getFieldCount();
    org.apache.calcite.rel.core.CorrelationId id = correlate.getCorrelationId();
    // $cor.field -> left field; right field i -> leftCount + i.
    org.apache.calcite.rex.RexShuttle toJoinRow = new org.apache.calcite.rex.RexShuttle() {
      @Override
      public RexNode visitFieldAccess(org.apache.calcite.rex.RexFieldAccess access) {
        if (access.getReferenceExpr() instanceof org.apache.calcite.rex.RexCorrelVariable v && v.id.equals(id)) {
          return new RexInputRef(access.getField().getIndex(), access.getType());
        }
        return super.visitFieldAccess(access);
      }

      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(leftCount + ref.getIndex(), ref.getType());
      }
    };
    RexNode condition = rex.makeLiteral(true);
    if (calc != null) {
      org.apache.calcite.rex.RexProgram program = calc.getProgram();
      List<RexNode> projects = program.getProjectList().stream().map(program::expandLocalRef).toList();
      if (!RexUtil.isIdentity(projects, snapshot.getRowType())) {
        throw new WeirException("A temporal join reads the versioned table's columns as they are; move expressions "
            + "over them out of the join");
      }
      if (program.getCondition() != null) {
        condition = program.expandLocalRef(program.getCondition()).accept(toJoinRow);
      }
    }
    RexNode period = snapshot.getPeriod().accept(toJoinRow);
    if (!(period instanceof RexInputRef time) || time.getIndex() >= leftCount) {
      throw new WeirException("FOR SYSTEM_TIME AS OF needs a column of the left table, not " + snapshot.getPeriod());
    }
    JoinType type = switch (correlate.getJoinType()) {
      case INNER -> JoinType.INNER;
      case LEFT -> JoinType.LEFT;
      default -> throw new WeirException("A temporal join is INNER or LEFT, not " + correlate.getJoinType());
    };
    JoinInfo info = JoinInfo.of(correlate.getLeft(), snapshot, condition);
    if (info.leftKeys.isEmpty()) {
      throw new WeirException("A temporal join needs an equality between the left table and the versioned table's key");
    }
    RexNode remainingCondition = compose(rex, RelOptUtil.conjunctions(info.getRemaining(rex)).stream()
        .filter(c -> !c.isAlwaysTrue()).toList());
    if (left.proctimeColumn() == time.getIndex()) {
      return lookup(converter, correlate, left, snapshot, type, info, remainingCondition);
    }
    if (snapshot.getInput() instanceof org.apache.calcite.rel.core.TableScan scan
        && scan.getTable().unwrap(io.weir.planner.calcite.WeirTable.class) != null) {
      io.weir.planner.catalog.CatalogTable versioned = scan.getTable().unwrap(io.weir.planner.calcite.WeirTable.class).catalogTable();
      List<Integer> pk = versioned.primaryKey().stream().map(versioned::columnIndex).toList();
      if (pk.isEmpty() || !info.rightKeys.containsAll(pk)) {
        throw new WeirException("A temporal join needs a versioned table joined on its primary key: '" + versioned.name()
            + "' " + (pk.isEmpty() ? "has no PRIMARY KEY" : "is joined on " + info.rightKeys.stream()
                .map(i -> versioned.columnNames().get(i)).toList() + " but its key is " + versioned.primaryKey()));
      }
    }
    StreamPhysicalRel right = converter.convert(snapshot.getInput());
    if (left.watermarkColumn() != time.getIndex()) {
      throw new WeirException("FOR SYSTEM_TIME AS OF '" + left.getRowType().getFieldNames().get(time.getIndex())
          + "' must use the left table's event-time attribute (a column with a WATERMARK, for a temporal join) or "
          + "a PROCTIME() column (for a lookup join)");
    }
    if (right.watermarkColumn() < 0) {
      throw new WeirException("A temporal join needs a versioned table: the table read FOR SYSTEM_TIME AS OF needs a "
          + "WATERMARK (and a PRIMARY KEY) so each row is a version valid from its event time");
    }
    return new StreamPhysicalJoin(cluster, cluster.traitSetOf(StreamPhysicalRel.STREAM), left, right,
        StreamPhysicalJoin.Kind.TEMPORAL, type, info.leftKeys, info.rightKeys, remainingCondition,
        time.getIndex(), right.watermarkColumn(), 0, 0, true, correlate.getRowType());
  }

  /** {@code FOR SYSTEM_TIME AS OF left.proc_time}: each left row reads the table by key, as it is now. */
  private static StreamPhysicalRel lookup(PhysicalConverter converter, org.apache.calcite.rel.logical.LogicalCorrelate correlate,
      StreamPhysicalRel left, org.apache.calcite.rel.core.Snapshot snapshot, JoinType type, JoinInfo info, RexNode condition) {
    if (!(snapshot.getInput() instanceof org.apache.calcite.rel.core.TableScan scan)
        || scan.getTable().unwrap(io.weir.planner.calcite.WeirTable.class) == null) {
      throw new WeirException("A lookup join reads a table directly: FOR SYSTEM_TIME AS OF applies to a table name");
    }
    io.weir.planner.catalog.CatalogTable table = scan.getTable().unwrap(io.weir.planner.calcite.WeirTable.class).catalogTable();
    if (table.columns().stream().anyMatch(c -> !(c instanceof io.weir.planner.catalog.CatalogTable.PhysicalColumn))) {
      throw new WeirException("Lookup joins over tables with computed or metadata columns are not supported yet ('"
          + table.name() + "')");
    }
    if (!converter.capabilities().supportsLookup(table.options())) {
      throw new WeirException("Connector '" + table.options().get("connector") + "' of table '" + table.name()
          + "' does not support lookup joins (FOR SYSTEM_TIME AS OF a processing-time column)");
    }
    RelOptCluster cluster = correlate.getCluster();
    return new StreamPhysicalLookupJoin(cluster, cluster.traitSetOf(StreamPhysicalRel.STREAM), left, table, type,
        info.leftKeys, info.rightKeys, condition, correlate.getRowType());
  }
}
