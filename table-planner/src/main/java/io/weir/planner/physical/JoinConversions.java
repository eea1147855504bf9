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
        for (int i = 0; i < leftKeys.size(); i++) {
          if (i != startPair && i != endPair) {
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
}
