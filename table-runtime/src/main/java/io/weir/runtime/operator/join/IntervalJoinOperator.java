package io.weir.runtime.operator.join;

import static java.util.Objects.requireNonNull;

import io.weir.common.data.Row;
import io.weir.common.data.RowKind;
import io.weir.common.plan.IntervalJoinSpec;
import io.weir.common.plan.JoinType;
import io.weir.common.types.RowType;
import io.weir.runtime.operator.OperatorContext;
import io.weir.runtime.operator.Output;
import io.weir.runtime.operator.StreamOperator;
import io.weir.runtime.operator.rank.KeySelector;
import io.weir.state.KeyedStateBackend;
import io.weir.state.MapState;
import io.weir.state.MapStateDescriptor;
import io.weir.state.TimerCallback;
import io.weir.state.TimerService;
import io.weir.state.VoidNamespace;
import io.weir.state.serialization.ListSerializer;
import io.weir.state.serialization.RowSerializer;
import io.weir.state.serialization.Serializers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An interval join of two insert-only inputs ({@link IntervalJoinSpec}): a left and a right row
 * with equal keys join when {@code right.time + lowerBound <= left.time <= right.time +
 * upperBound} and the condition holds. Input 0 is the left side, input 1 the right. Output is
 * insert-only: joined rows as they are found, and for outer joins a row's NULL-padded version when
 * it is freed without ever having matched.
 *
 * <p><b>Time.</b> Event time uses each row's time field and the watermark; processing time stamps
 * each row with {@link OperatorContext#currentProcessingTime()} on arrival (its time field is not
 * read) and uses the clock in place of the watermark.
 *
 * <p><b>Late rows</b> (event time): a row with {@code time <= watermark} is late — the watermark
 * promised no such row — and is dropped and counted ({@link OperatorContext#recordLateRow}). This
 * is stricter than Flink, which joins such rows with whatever is still cached; the reward is that
 * two rows that are not late always meet: a row is freed only once every row that could still
 * match it would be late (below).
 *
 * <p><b>State.</b> Per key and side, a map state ({@code interval-join-left}, {@code
 * interval-join-right}) time → the rows of that time, each with a matched flag; and per side a
 * timer service ({@code interval-join-left-cleanup}, {@code …-right-cleanup}) with one timer per
 * (key, time). A left row at {@code t} can match only future right rows with time in {@code [t -
 * upper, t - lower]}; future right rows have time {@code > watermark}, so it is freed when the
 * watermark reaches {@code t - lower}. A right row at {@code t} is freed when the watermark reaches
 * {@code t + upper}. On processing time future rows may come in the same millisecond, so rows are
 * freed one millisecond later. A row whose time to be freed has already come (e.g. a left row with
 * {@code lowerBound > 0}) is joined with the stored rows but not stored.
 *
 * <p>Joining a row scans the other side's times stored for its key and skips those out of bounds:
 * a key holds only the times of about one interval plus the watermark's delay, and the map state
 * has no ordered range scan.
 *
 * <p><b>Join types.</b> INNER emits joined rows. LEFT/RIGHT/FULL also emit a preserved row padded
 * with NULLs when it is freed unmatched — or at once when it cannot be stored, or its key has a
 * NULL (which matches nothing). SEMI emits a left row once, on its first match (a left row that
 * matches on arrival is not stored: nothing can change its result). ANTI emits a left row when it
 * is freed without a match, or at once when its key has a NULL.
 *
 * <p><b>Watermark.</b> Padded rows are emitted when the watermark frees them, so their time can be
 * behind it; the output watermark is therefore held back by {@code max(0, upperBound,
 * -lowerBound)} (SEMI/ANTI: {@code max(0, -lowerBound)}, as they emit left rows only), as Flink
 * does, so every row emitted is ahead of the watermark emitted before it.
 *
 * <p>At the end of an input on processing time, the other side's rows can meet no further row, so
 * they are freed (and padded) at once; a bounded processing-time query does not lose them.
 */
public final class IntervalJoinOperator implements StreamOperator {
  private static final int LEFT = 0;
  private static final int RIGHT = 1;
  private static final String[] ROWS_STATE = {"interval-join-left", "interval-join-right"};
  private static final String[] TIMERS = {"interval-join-left-cleanup", "interval-join-right-cleanup"};

  private final IntervalJoinSpec spec;
  private final JoinType type;
  private final boolean semiAnti;
  private final boolean eventTime;
  private final long lower;
  private final long upper;
  private final long watermarkDelay;
  private final KeySelector[] keys = new KeySelector[2];
  private final int[] timeFields = new int[2];
  /** Per side: rows that never match are emitted (padded; ANTI's left), so the matched flag counts. */
  private final boolean[] tracksMatches = new boolean[2];

  private OperatorContext context;
  private JoinedRows joined;
  private final List<MapState<Row, Long, List<BufferedRow>>> buffers = new ArrayList<>(2);
  private final List<TimerService<Row, VoidNamespace>> cleanupTimers = new ArrayList<>(2);
  /** Where timer callbacks emit; set before each advance of time (not state). */
  private Output output;
  private final List<TimerCallback<Row, VoidNamespace>> free =
      List.of((key, ns, ts) -> free(LEFT, key, ts), (key, ns, ts) -> free(RIGHT, key, ts));

  public IntervalJoinOperator(IntervalJoinSpec spec) {
    this.spec = requireNonNull(spec, "spec");
    this.type = spec.joinType();
    JoinedRows.checkKeys("IntervalJoin", spec.leftKeys(), spec.rightKeys(), spec.leftType(), spec.rightType());
    JoinedRows.checkOutputArity("IntervalJoin", type.emitsRight(), spec.leftType(), spec.rightType(), spec.outputType());
    checkTimeField("left", spec.leftTimeField(), spec.leftType());
    checkTimeField("right", spec.rightTimeField(), spec.rightType());
    this.semiAnti = !type.emitsRight();
    this.eventTime = spec.eventTime();
    this.lower = spec.lowerBound();
    this.upper = spec.upperBound();
    this.watermarkDelay = semiAnti ? Math.max(0, -lower) : Math.max(0, Math.max(upper, -lower));
    keys[LEFT] = new KeySelector(spec.leftKeys(), spec.leftType());
    keys[RIGHT] = new KeySelector(spec.rightKeys(), spec.rightType());
    timeFields[LEFT] = spec.leftTimeField();
    timeFields[RIGHT] = spec.rightTimeField();
    tracksMatches[LEFT] = type.padsLeft() || semiAnti;
    tracksMatches[RIGHT] = type.padsRight();
  }

  private void checkTimeField(String side, int field, RowType type) {
    if (spec.eventTime() && (field < 0 || field >= type.arity())) {
      throw new IllegalArgumentException("IntervalJoin " + side + " time field " + field + " is not a column of " + type);
    }
  }

  @Override
  public void open(OperatorContext context) {
    this.context = context;
    this.joined = new JoinedRows(spec.leftType(), spec.rightType(), spec.condition(), context);
    KeyedStateBackend<Row> backend = context.keyedState(keys[LEFT].keyType());
    RowType[] types = {spec.leftType(), spec.rightType()};
    for (int side = LEFT; side <= RIGHT; side++) {
      ListSerializer<BufferedRow> rows = new ListSerializer<>(new BufferedRow.Serializer(new RowSerializer(types[side])));
      buffers.add(backend.mapState(new MapStateDescriptor<>(ROWS_STATE[side], Serializers.LONG, rows)));
      cleanupTimers.add(backend.timerService(TIMERS[side]));
    }
  }

  @Override
  public void process(int input, Row row, Output out) {
    if (!row.kind().isAccumulate()) {
      throw new IllegalStateException("IntervalJoin takes insert-only inputs but got " + row + " on input " + input);
    }
    long time;
    long progress;
    if (eventTime) {
      Object t = row.field(timeFields[input]);
      if (t == null) {
        RowType type = input == LEFT ? spec.leftType() : spec.rightType();
        throw new IllegalArgumentException("The event-time field " + type.name(timeFields[input]) + " of " + row
            + " is null; an interval join needs a time for every row (filter or COALESCE the nulls)");
      }
      time = ((Number) t).longValue();
      progress = cleanupTimers.get(LEFT).currentWatermark();
      if (time <= progress) {
        context.recordLateRow();
        return;
      }
    } else {
      time = context.currentProcessingTime();
      progress = time;
      // Free what is due first (restored clocks start at MIN_VALUE), so padded rows keep time order.
      advanceProcessingTime(time, out);
    }
    Row key = keys[input].keyOf(row);
    Row value = row.withKind(RowKind.INSERT);
    if (JoinedRows.hasNull(key)) {
      alone(input, value, out);
      return;
    }
    boolean matched = join(input, key, value, time, out);
    if (semiAnti && input == LEFT && matched) {
      if (type == JoinType.SEMI) {
        out.emit(value);
      }
      return; // settled: SEMI emitted it, ANTI never will; no later row can change that
    }
    long timer = timerFor(input, time);
    if (timer > progress) {
      MapState<Row, Long, List<BufferedRow>> rows = buffers.get(input);
      List<BufferedRow> atTime = rows.get(key, time);
      if (atTime == null) {
        atTime = new ArrayList<>(2);
      }
      // Changed in place and put back: the heap backend hands out its own list, a binary one a copy.
      atTime.add(new BufferedRow(value, matched));
      rows.put(key, time, atTime);
      if (eventTime) {
        cleanupTimers.get(input).registerEventTimeTimer(key, VoidNamespace.INSTANCE, timer);
      } else {
        cleanupTimers.get(input).registerProcessingTimeTimer(key, VoidNamespace.INSTANCE, timer);
      }
    } else if (!matched) {
      alone(input, value, out);
    }
  }

  /**
   * Joins a new row of {@code side} with the stored rows of the other side in its bounds, emits
   * the joined rows (SEMI: left rows matched for the first time), marks the other side's rows
   * matched, and returns whether the new row matched any.
   */
  private boolean join(int side, Row key, Row value, long time, Output out) {
    int other = 1 - side;
    // right.time + lower <= left.time <= right.time + upper, solved for the other side's time.
    long from = side == LEFT ? time - upper : time + lower;
    long to = side == LEFT ? time - lower : time + upper;
    boolean matched = false;
    List<Map.Entry<Long, List<BufferedRow>>> changed = null;
    for (Map.Entry<Long, List<BufferedRow>> e : buffers.get(other).entries(key)) {
      long t = e.getKey();
      if (t < from || t > to) {
        continue;
      }
      boolean listChanged = false;
      for (BufferedRow b : e.getValue()) {
        Row left = side == LEFT ? value : b.row;
        Row right = side == LEFT ? b.row : value;
        if (semiAnti) {
          if (!joined.matches(left, right)) {
            continue;
          }
        } else {
          Row result = joined.joinIfMatches(left, right);
          if (result == null) {
            continue;
          }
          out.emit(result);
        }
        matched = true;
        if (semiAnti && side == LEFT) {
          return true; // one match settles a SEMI/ANTI left row; right rows keep no flag
        }
        if (tracksMatches[other] && !b.matched) {
          if (type == JoinType.SEMI) {
            out.emit(b.row); // a stored left row's first match
          }
          b.matched = true;
          listChanged = true;
        }
      }
      if (listChanged) {
        if (changed == null) {
          changed = new ArrayList<>(2);
        }
        changed.add(Map.entry(t, e.getValue()));
      }
    }
    if (changed != null) {
      for (Map.Entry<Long, List<BufferedRow>> e : changed) {
        buffers.get(other).put(key, e.getKey(), e.getValue());
      }
    }
    return matched;
  }

  /** Emits what a row that never matched stands for: its padded row, or itself for ANTI. */
  private void alone(int side, Row value, Output out) {
    if (semiAnti) {
      if (side == LEFT && type == JoinType.ANTI) {
        out.emit(value);
      }
    } else if (side == LEFT ? type.padsLeft() : type.padsRight()) {
      out.emit(side == LEFT ? joined.leftWithNulls(value) : joined.nullsWithRight(value));
    }
  }

  /** When a row of {@code side} at {@code time} is freed: no future row of the other side can match it then. */
  private long timerFor(int side, long time) {
    long last = side == LEFT ? time - lower : time + upper; // the latest matching time of the other side
    return eventTime ? last : last + 1;
  }

  private void free(int side, Row key, long timer) {
    long last = eventTime ? timer : timer - 1;
    long time = side == LEFT ? last + lower : last - upper;
    MapState<Row, Long, List<BufferedRow>> rows = buffers.get(side);
    if (!tracksMatches[side]) {
      rows.remove(key, time); // nothing is emitted for these rows: no need to read them
      return;
    }
    List<BufferedRow> atTime = rows.get(key, time);
    if (atTime == null) {
      return;
    }
    rows.remove(key, time);
    for (BufferedRow b : atTime) {
      if (!b.matched) {
        alone(side, b.row, output);
      }
    }
  }

  private void advanceProcessingTime(long time, Output out) {
    output = out;
    for (int side = LEFT; side <= RIGHT; side++) {
      cleanupTimers.get(side).advanceProcessingTime(time, free.get(side));
    }
  }

  @Override
  public void onWatermark(long watermark, Output out) {
    if (!eventTime) {
      out.emitWatermark(watermark);
      return;
    }
    output = out;
    for (int side = LEFT; side <= RIGHT; side++) {
      cleanupTimers.get(side).advanceWatermark(watermark, free.get(side));
    }
    out.emitWatermark(heldBack(watermark));
  }

  private long heldBack(long watermark) {
    if (watermark == Long.MAX_VALUE) {
      return watermark; // end of input: everything is out, downstream may close all
    }
    return watermark < Long.MIN_VALUE + watermarkDelay ? Long.MIN_VALUE : watermark - watermarkDelay;
  }

  @Override
  public void onProcessingTime(long time, Output out) {
    if (!eventTime) {
      advanceProcessingTime(time, out);
    }
  }

  @Override
  public void endInput(int input, Output out) {
    if (eventTime) {
      return; // the final watermark frees everything
    }
    output = out;
    // The other side's rows wait for rows of this input only: free them all now. This side's rows
    // still wait for the other input, unless it has ended too — then its clock is at the end.
    int other = 1 - input;
    cleanupTimers.get(other).advanceProcessingTime(Long.MAX_VALUE, free.get(other));
    cleanupTimers.get(input).advanceProcessingTime(context.currentProcessingTime(), free.get(input));
  }
}
