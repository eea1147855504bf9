package io.weir.runtime.operator.join;

import static java.util.Objects.requireNonNull;

import io.weir.common.data.Row;
import io.weir.common.data.RowKind;
import io.weir.common.plan.JoinType;
import io.weir.common.plan.WindowJoinSpec;
import io.weir.common.types.RowType;
import io.weir.runtime.operator.OperatorContext;
import io.weir.runtime.operator.Output;
import io.weir.runtime.operator.StreamOperator;
import io.weir.runtime.operator.rank.KeySelector;
import io.weir.state.KeyedStateBackend;
import io.weir.state.ListStateDescriptor;
import io.weir.state.NamespacedListState;
import io.weir.state.TimerCallback;
import io.weir.state.TimerService;
import io.weir.state.VoidNamespace;
import io.weir.state.serialization.RowSerializer;
import io.weir.state.serialization.Serializers;
import java.util.List;

/**
 * A window join ({@link WindowJoinSpec}): rows of two windowed, insert-only inputs join when their
 * keys and windows are equal and the condition holds. Input 0 is the left side, input 1 the right.
 * A window is identified by its end, read from {@code leftWindowEnd}/{@code rightWindowEnd} (epoch
 * millis); the planner gives both sides the same window TVF, so equal ends mean equal windows.
 * Event time only.
 *
 * <p><b>State</b>, per join key: the rows of each side per window end, as lists namespaced by the
 * end ({@code window-join-left}, {@code window-join-right}), and one event-time timer per (key,
 * window) at {@code end - 1} ({@code window-join-timers}). A window [start, end) holds rows with
 * times up to {@code end - 1}, so it is complete when the watermark reaches {@code end - 1}; then
 * its rows are joined, emitted and cleared.
 *
 * <p><b>Output</b>, insert-only, when the window fires: INNER the joined rows; LEFT/RIGHT/FULL
 * also each unmatched row of a preserved side padded with NULLs (left rows in arrival order, each
 * followed by its matches; then the unmatched right rows); SEMI each left row with a match, ANTI
 * each left row without one. A row whose join key has a NULL matches nothing: it is not buffered,
 * and is emitted at once if it would be emitted unmatched (padded, or an ANTI left row), since
 * waiting for the window would change nothing.
 *
 * <p><b>Late rows</b>: a row whose window has fired ({@code end - 1 <= watermark}) is dropped and
 * counted ({@link OperatorContext#recordLateRow}).
 */
public final class WindowJoinOperator implements StreamOperator {
  private static final int LEFT = 0;
  private static final int RIGHT = 1;

  private final WindowJoinSpec spec;
  private final JoinType type;
  private final boolean semiAnti;
  private final KeySelector[] keys = new KeySelector[2];
  private final int[] windowEnds = new int[2];

  private OperatorContext context;
  private JoinedRows joined;
  private NamespacedListState<Row, Long, Row> leftRows;
  private NamespacedListState<Row, Long, Row> rightRows;
  private TimerService<Row, VoidNamespace> timers;
  /** Where the timer callback emits; set before each advance of the watermark (not state). */
  private Output output;
  private final TimerCallback<Row, VoidNamespace> fire = (key, ns, time) -> fire(key, time + 1);

  public WindowJoinOperator(WindowJoinSpec spec) {
    this.spec = requireNonNull(spec, "spec");
    this.type = spec.joinType();
    JoinedRows.checkKeys("WindowJoin", spec.leftKeys(), spec.rightKeys(), spec.leftType(), spec.rightType());
    JoinedRows.checkOutputArity("WindowJoin", type.emitsRight(), spec.leftType(), spec.rightType(), spec.outputType());
    checkWindowEnd("left", spec.leftWindowEnd(), spec.leftType());
    checkWindowEnd("right", spec.rightWindowEnd(), spec.rightType());
    this.semiAnti = !type.emitsRight();
    keys[LEFT] = new KeySelector(spec.leftKeys(), spec.leftType());
    keys[RIGHT] = new KeySelector(spec.rightKeys(), spec.rightType());
    windowEnds[LEFT] = spec.leftWindowEnd();
    windowEnds[RIGHT] = spec.rightWindowEnd();
  }

  private static void checkWindowEnd(String side, int field, RowType type) {
    if (field < 0 || field >= type.arity()) {
      throw new IllegalArgumentException("WindowJoin " + side + " window_end field " + field + " is not a column of " + type);
    }
  }

  @Override
  public void open(OperatorContext context) {
    this.context = context;
    this.joined = new JoinedRows(spec.leftType(), spec.rightType(), spec.condition(), context);
    KeyedStateBackend<Row> backend = context.keyedState(keys[LEFT].keyType());
    leftRows = backend.listState(
        new ListStateDescriptor<>("window-join-left", new RowSerializer(spec.leftType())), Serializers.LONG);
    rightRows = backend.listState(
        new ListStateDescriptor<>("window-join-right", new RowSerializer(spec.rightType())), Serializers.LONG);
    timers = backend.timerService("window-join-timers");
  }

  @Override
  public void process(int input, Row row, Output out) {
    if (!row.kind().isAccumulate()) {
      throw new IllegalStateException("WindowJoin takes insert-only inputs but got " + row + " on input " + input);
    }
    Object endField = row.field(windowEnds[input]);
    if (endField == null) {
      throw new IllegalArgumentException("The window_end of " + row + " on input " + input
          + " is null; a window join takes the rows of a window table function");
    }
    long end = ((Number) endField).longValue();
    if (end - 1 <= timers.currentWatermark()) {
      context.recordLateRow();
      return;
    }
    Row key = keys[input].keyOf(row);
    Row value = row.withKind(RowKind.INSERT);
    if (JoinedRows.hasNull(key)) {
      if (input == LEFT) {
        unmatchedLeft(value, out);
      } else if (type.padsRight()) {
        out.emit(joined.nullsWithRight(value));
      }
      return;
    }
    (input == LEFT ? leftRows : rightRows).add(key, end, value);
    // Registering an existing (key, window) timer again keeps one.
    timers.registerEventTimeTimer(key, VoidNamespace.INSTANCE, end - 1);
  }

  private void fire(Row key, long end) {
    List<Row> lefts = leftRows.get(key, end);
    List<Row> rights = rightRows.get(key, end);
    boolean[] rightMatched = type.padsRight() && !rights.isEmpty() ? new boolean[rights.size()] : null;
    for (Row left : lefts) {
      boolean matched = false;
      for (int j = 0; j < rights.size(); j++) {
        Row right = rights.get(j);
        if (semiAnti) {
          if (joined.matches(left, right)) {
            matched = true;
            break; // one match settles a SEMI/ANTI row
          }
          continue;
        }
        Row result = joined.joinIfMatches(left, right);
        if (result != null) {
          matched = true;
          output.emit(result);
          if (rightMatched != null) {
            rightMatched[j] = true;
          }
        }
      }
      if (type == JoinType.SEMI) {
        if (matched) {
          output.emit(left);
        }
      } else if (!matched) {
        unmatchedLeft(left, output);
      }
    }
    if (rightMatched != null) {
      for (int j = 0; j < rightMatched.length; j++) {
        if (!rightMatched[j]) {
          output.emit(joined.nullsWithRight(rights.get(j)));
        }
      }
    }
    // The views read above stay valid until these writes.
    leftRows.clear(key, end);
    rightRows.clear(key, end);
  }

  /** Emits what a left row without a match stands for: padded (LEFT/FULL), itself (ANTI), or nothing. */
  private void unmatchedLeft(Row left, Output out) {
    if (type == JoinType.ANTI) {
      out.emit(left);
    } else if (type.padsLeft()) {
      out.emit(joined.leftWithNulls(left));
    }
  }

  @Override
  public void onWatermark(long watermark, Output out) {
    output = out;
    timers.advanceWatermark(watermark, fire);
    out.emitWatermark(watermark);
  }
}
