package io.weir.runtime.operator.window;

import io.weir.common.data.Row;
import io.weir.common.plan.WindowAggSpec;
import io.weir.common.plan.WindowSpec;
import io.weir.common.types.RowType;
import io.weir.runtime.operator.OperatorContext;
import io.weir.runtime.operator.Output;
import io.weir.runtime.operator.StreamOperator;
import io.weir.runtime.operator.aggregate.AggregateCalls;
import io.weir.state.KeyedStateBackend;
import io.weir.state.MapState;
import io.weir.state.MapStateDescriptor;
import io.weir.state.NamespacedValueState;
import io.weir.state.TimerCallback;
import io.weir.state.TimerService;
import io.weir.state.ValueStateDescriptor;
import io.weir.state.VoidNamespace;
import io.weir.state.serialization.Serializers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Window aggregation ({@link WindowAggSpec}) over an insert-only input: one {@code +I} row per key
 * and window when the window closes — keys, aggregate values, {@code window_start}, {@code
 * window_end}, {@code window_time = window_end - 1}.
 *
 * <p><b>Time.</b> Event time: a row's window is decided by its time field, and window {@code
 * [start, end)} fires when the watermark reaches {@code end - 1}. A row whose every window has
 * already fired is late: dropped and counted ({@link OperatorContext#recordLateRow}). A row that is
 * late only for some of its windows (HOP, CUMULATE) still counts in the others, as in Flink.
 * Processing time: rows are stamped with {@link OperatorContext#currentProcessingTime()} and
 * windows fire from {@link #onProcessingTime}; at end of input the windows still open fire at
 * once, so a bounded query over processing-time windows does not lose its last windows. A row is
 * never put in a processing-time window that has fired: when the clock reads no later than the
 * last firing (the same millisecond, or a wall clock that stepped back) it goes to the next one.
 * After a restore the timers' clock is caught up to now before the first row is assigned.
 *
 * <p><b>TUMBLE, HOP, CUMULATE</b> keep accumulators per (key, slice end) ({@link SliceAssigner})
 * and one timer per key at {@code end - 1} of the next window to fire. When a window fires, its
 * slices are merged and the slices no later window needs are cleared; the timer of the next window
 * of the key is registered only if that window holds data (HOP: a surviving slice; CUMULATE: always
 * until the cycle ends). A slice registers the timer of its first unfired window when it is
 * created, so every non-empty window fires exactly once and an empty one never. CUMULATE folds each
 * fired slice into the cycle's first slice, which then holds the running total (a late row whose
 * slice has fired goes there too), so a window costs one merge, not one per slice.
 *
 * <p><b>SESSION(gap)</b> keeps, per key, a map of open sessions (start → end and accumulators). A
 * row opens {@code [ts, ts + gap)}; sessions it overlaps or touches merge into one (Flink's rule:
 * {@code [0, 10)} and {@code [10, 20)} merge), whose timer replaces theirs.
 *
 * <p>All of it, timers included, is keyed state; the operator's fields hold only what {@code open}
 * builds.
 */
public final class WindowAggOperator implements StreamOperator {
  /**
   * Rows of TUMBLE, HOP and CUMULATE windows combined per slice and key before they reach state, as
   * Flink's window buffer does: a key with many rows between two watermarks costs one state access
   * per slice instead of one per row. At most this many keys and slices wait.
   */
  private static final int COMBINE_LIMIT = 10_000;

  private static final class Combined {
    final Object[] accs;
    /** The slice's timer, registered when the slice first reaches state. */
    final long timer;

    Combined(Object[] accs, long timer) {
      this.accs = accs;
      this.timer = timer;
    }
  }

  private final HashMap<Long, HashMap<Row, Combined>> combined = new HashMap<>();
  private HashMap<Row, Combined> combinedSlice;
  private long combinedTarget = Long.MIN_VALUE;
  private int combinedEntries;

  private static final Row EMPTY_KEY = Row.of();

  private final WindowAggSpec spec;
  private final int[] keyFields;
  private final int timeField;
  private final boolean eventTime;
  /** Null for SESSION windows. */
  private final SliceAssigner slicing;
  private final long gap;
  private OperatorContext context;
  private AggregateCalls aggregates;

  private NamespacedValueState<Row, Long, Object[]> slices;
  /** One timer per (key, window end - 1) of a sliced window. */
  private TimerService<Row, VoidNamespace> windowTimers;
  private MapState<Row, Long, SessionWindow> sessions;
  /** Timers of session windows, namespaced by session start, at end - 1. */
  private TimerService<Row, Long> sessionTimers;

  /** Where the timer callbacks emit; set before each advance of time. */
  private Output output;
  private final TimerCallback<Row, VoidNamespace> fireSliced = (key, ns, time) -> fireSliced(key, time + 1);
  private final TimerCallback<Row, Long> fireSession = this::fireSession;

  public WindowAggOperator(WindowAggSpec spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.keyFields = spec.groupKeys().stream().mapToInt(Integer::intValue).toArray();
    this.timeField = spec.timeField();
    this.eventTime = spec.eventTime();
    if (spec.window() instanceof WindowSpec.Session s) {
      this.slicing = null;
      this.gap = s.gap();
    } else {
      this.slicing = SliceAssigner.of(spec.window());
      this.gap = 0;
    }
  }

  @Override
  public void open(OperatorContext context) {
    this.context = context;
    RowType keyType = spec.inputType().project(keyFields);
    KeyedStateBackend<Row> backend = context.keyedState(keyType);
    aggregates = new AggregateCalls(spec.aggregates(), spec.inputType(), false);
    if (slicing != null) {
      slices = backend.valueState(new ValueStateDescriptor<>("window-slices", aggregates.serializer()), Serializers.LONG);
      windowTimers = backend.timerService("window-timers");
    } else {
      sessions = backend.mapState(new MapStateDescriptor<>(
          "session-windows", Serializers.LONG, new SessionWindow.Serializer(aggregates.serializer())));
      sessionTimers = backend.timerService("session-timers", Serializers.LONG);
    }
  }

  private Row keyOf(Row row) {
    if (keyFields.length == 0) {
      return EMPTY_KEY;
    }
    Object[] key = new Object[keyFields.length];
    for (int i = 0; i < key.length; i++) {
      key[i] = row.field(keyFields[i]);
    }
    return Row.of(key);
  }

  /** How far time has gone: windows ending at or before this + 1 have fired. */
  private long progress(TimerService<Row, ?> timers) {
    return eventTime ? timers.currentWatermark() : timers.currentProcessingTime();
  }

  private long timestampOf(Row row) {
    if (eventTime) {
      Object ts = row.field(timeField);
      if (ts == null) {
        throw new IllegalArgumentException(
            "The event-time field " + spec.inputType().name(timeField) + " of " + row
                + " is null; a window aggregate needs a time for every row (filter or COALESCE the nulls)");
      }
      return ((Number) ts).longValue();
    }
    return context.currentProcessingTime();
  }

  private <N> void registerTimer(TimerService<Row, N> timers, Row key, N namespace, long time) {
    if (eventTime) {
      timers.registerEventTimeTimer(key, namespace, time);
    } else {
      timers.registerProcessingTimeTimer(key, namespace, time);
    }
  }

  private <N> void deleteTimer(TimerService<Row, N> timers, Row key, N namespace, long time) {
    if (eventTime) {
      timers.deleteEventTimeTimer(key, namespace, time);
    } else {
      timers.deleteProcessingTimeTimer(key, namespace, time);
    }
  }

  @Override
  public void process(int input, Row row, Output out) {
    if (!row.kind().isAccumulate()) {
      throw new IllegalStateException("WindowAggregate takes an insert-only input but got " + row);
    }
    if (!eventTime && timers().currentProcessingTime() == Long.MIN_VALUE) {
      // The processing clock of restored timers starts at MIN_VALUE. Catch it up to now before
      // assigning a row by it: firing what is due, and knowing which windows have fired.
      advance(context.currentProcessingTime(), false, out);
    }
    Row key = keyOf(row);
    if (slicing != null) {
      processSliced(key, row);
    } else {
      processSession(key, row);
    }
  }

  // ---- TUMBLE, HOP, CUMULATE ----

  private void processSliced(Row key, Row row) {
    long progress = progress(windowTimers);
    long sliceEnd = slicing.sliceEnd(timestampOf(row));
    if (!eventTime && sliceEnd - 1 <= progress) {
      // Processing time: the clock read now is not past the last firing (same millisecond, or the
      // wall clock stepped back). The row belongs to the present, not to a window already emitted.
      sliceEnd = slicing.sliceEnd(progress + 1);
    }
    long lastWindowEnd = slicing.lastWindowEnd(sliceEnd);
    if (lastWindowEnd < slicing.firstWindowEnd(sliceEnd)) {
      return; // in the gap between HOP windows shorter than their slide: in no window
    }
    if (lastWindowEnd - 1 <= progress) {
      context.recordLateRow();
      return;
    }
    long target = sliceEnd;
    if (sliceEnd - 1 <= progress && slicing instanceof SliceAssigner.Cumulative c) {
      // The slice's own window fired and its slice was folded into the running total already.
      target = c.cycleStart(sliceEnd) + c.sliceSize;
    }
    if (target != combinedTarget) {
      combinedSlice = combined.computeIfAbsent(target, t -> new HashMap<>());
      combinedTarget = target;
    }
    Combined c = combinedSlice.get(key);
    if (c == null) {
      c = new Combined(aggregates.createAccumulators(), slicing.firstUnfiredWindowEnd(sliceEnd, progress) - 1);
      combinedSlice.put(key, c);
      combinedEntries++;
    }
    aggregates.accumulate(c.accs, row);
    if (combinedEntries >= COMBINE_LIMIT) {
      flushCombined();
    }
  }

  /**
   * Moves the combined rows into state: per key and slice one state read and write, merging into
   * the slice's accumulators (or becoming them, with the slice's timer). Called before time moves
   * on (so firing sees every row), at checkpoint barriers, and when the buffer is full.
   */
  private void flushCombined() {
    if (combinedEntries == 0) {
      return;
    }
    for (Map.Entry<Long, HashMap<Row, Combined>> slice : combined.entrySet()) {
      long target = slice.getKey();
      for (Map.Entry<Row, Combined> e : slice.getValue().entrySet()) {
        Row key = e.getKey();
        Combined c = e.getValue();
        Object[] accs = slices.get(key, target);
        if (accs == null) {
          slices.put(key, target, c.accs);
          registerTimer(windowTimers, key, VoidNamespace.INSTANCE, c.timer);
        } else {
          aggregates.merge(accs, c.accs);
          slices.put(key, target, accs);
        }
      }
    }
    combined.clear();
    combinedSlice = null;
    combinedTarget = Long.MIN_VALUE;
    combinedEntries = 0;
  }

  @Override
  public byte[] snapshotOperatorState(long checkpointId) {
    flushCombined();
    return NO_STATE;
  }

  private void fireSliced(Row key, long windowEnd) {
    if (slicing instanceof SliceAssigner.Cumulative c) {
      fireCumulative(c, key, windowEnd);
    } else {
      fireHopping((SliceAssigner.Hopping) slicing, key, windowEnd);
    }
  }

  private void fireHopping(SliceAssigner.Hopping hop, Row key, long windowEnd) {
    long windowStart = windowEnd - hop.size;
    // Slices ending here or before are in no later window (the next starts a slide later).
    long lastToClear = windowStart + hop.slide;
    Object[] merged = null;
    boolean survivors = false;
    for (long sliceEnd = windowStart + hop.sliceSize; sliceEnd <= windowEnd; sliceEnd += hop.sliceSize) {
      Object[] slice = slices.get(key, sliceEnd);
      if (slice == null) {
        continue;
      }
      boolean clear = sliceEnd <= lastToClear;
      if (clear) {
        slices.clear(key, sliceEnd);
      } else {
        survivors = true;
      }
      if (merged == null && clear) {
        merged = slice; // out of state now, so merging into it changes nothing else
      } else {
        if (merged == null) {
          merged = aggregates.createAccumulators();
        }
        aggregates.merge(merged, slice);
      }
    }
    if (merged != null) {
      emit(key, merged, windowStart, windowEnd);
    }
    if (survivors) {
      registerTimer(windowTimers, key, VoidNamespace.INSTANCE, windowEnd + hop.slide - 1);
    }
  }

  private void fireCumulative(SliceAssigner.Cumulative cumulate, Row key, long windowEnd) {
    long cycleStart = cumulate.cycleStart(windowEnd);
    long firstSliceEnd = cycleStart + cumulate.sliceSize;
    long cycleEnd = cycleStart + cumulate.maxSize;
    Object[] total = slices.get(key, firstSliceEnd);
    if (windowEnd != firstSliceEnd) {
      Object[] slice = slices.get(key, windowEnd);
      if (slice != null) {
        slices.clear(key, windowEnd);
        if (total == null) {
          total = slice;
        } else {
          aggregates.merge(total, slice);
        }
      }
    }
    if (total == null) {
      return;
    }
    emit(key, total, cycleStart, windowEnd);
    if (windowEnd < cycleEnd) {
      slices.put(key, firstSliceEnd, total);
      // The next window holds this one's data, so it is not empty.
      registerTimer(windowTimers, key, VoidNamespace.INSTANCE, windowEnd + cumulate.sliceSize - 1);
    } else {
      slices.clear(key, firstSliceEnd);
    }
  }

  // ---- SESSION ----

  private void processSession(Row key, Row row) {
    long progress = progress(sessionTimers);
    long start = timestampOf(row);
    if (!eventTime && start + gap - 1 <= progress) {
      start = progress + 1; // as for sliced windows: never into a session already emitted
    }
    long end = start + gap;
    long mergedStart = start;
    long mergedEnd = end;
    List<Map.Entry<Long, SessionWindow>> overlapped = null;
    // Open sessions of a key neither overlap nor touch each other, so comparing each with the new
    // window alone finds all those the merged window covers. Collected first: the map must not
    // change while it is iterated.
    for (Map.Entry<Long, SessionWindow> e : sessions.entries(key)) {
      long s = e.getKey();
      long en = e.getValue().end;
      if (s <= end && en >= start) {
        if (overlapped == null) {
          overlapped = new ArrayList<>(2);
        }
        overlapped.add(Map.entry(s, e.getValue()));
        mergedStart = Math.min(mergedStart, s);
        mergedEnd = Math.max(mergedEnd, en);
      }
    }
    if (overlapped == null) {
      if (end - 1 <= progress) {
        context.recordLateRow();
        return;
      }
      SessionWindow window = new SessionWindow(end, aggregates.createAccumulators());
      aggregates.accumulate(window.accumulators, row);
      sessions.put(key, start, window);
      registerTimer(sessionTimers, key, start, end - 1);
      return;
    }
    SessionWindow only = overlapped.get(0).getValue();
    if (overlapped.size() == 1 && overlapped.get(0).getKey() == mergedStart && only.end == mergedEnd) {
      aggregates.accumulate(only.accumulators, row); // inside a session: it neither grows nor merges
      sessions.put(key, mergedStart, only);
      return;
    }
    // Merge in start order, so FIRST_VALUE, LAST_VALUE and LISTAGG keep time order across sessions.
    overlapped.sort(Map.Entry.comparingByKey());
    SessionWindow merged = overlapped.get(0).getValue();
    for (int i = 0; i < overlapped.size(); i++) {
      long s = overlapped.get(i).getKey();
      SessionWindow w = overlapped.get(i).getValue();
      if (i > 0) {
        aggregates.merge(merged.accumulators, w.accumulators);
      }
      sessions.remove(key, s);
      deleteTimer(sessionTimers, key, s, w.end - 1);
    }
    merged.end = mergedEnd;
    aggregates.accumulate(merged.accumulators, row);
    sessions.put(key, mergedStart, merged);
    registerTimer(sessionTimers, key, mergedStart, mergedEnd - 1);
  }

  private void fireSession(Row key, Long start, long time) {
    SessionWindow window = sessions.get(key, start);
    if (window == null || window.end - 1 != time) {
      return; // merged away or extended since; the timer was deleted, this is a safeguard
    }
    sessions.remove(key, start);
    emit(key, window.accumulators, start, window.end);
  }

  // ---- output and time ----

  private void emit(Row key, Object[] accs, long windowStart, long windowEnd) {
    int k = keyFields.length;
    int n = aggregates.size();
    Object[] fields = new Object[k + n + 3];
    for (int i = 0; i < k; i++) {
      fields[i] = key.field(i);
    }
    aggregates.getValues(accs, fields, k);
    fields[k + n] = windowStart;
    fields[k + n + 1] = windowEnd;
    fields[k + n + 2] = windowEnd - 1;
    output.emit(Row.of(fields));
  }

  private TimerService<Row, ?> timers() {
    return slicing != null ? windowTimers : sessionTimers;
  }

  private void advance(long time, boolean watermark, Output out) {
    output = out;
    flushCombined();
    if (slicing != null) {
      if (watermark) {
        windowTimers.advanceWatermark(time, fireSliced);
      } else {
        windowTimers.advanceProcessingTime(time, fireSliced);
      }
    } else if (watermark) {
      sessionTimers.advanceWatermark(time, fireSession);
    } else {
      sessionTimers.advanceProcessingTime(time, fireSession);
    }
  }

  @Override
  public void onWatermark(long watermark, Output out) {
    if (eventTime) {
      advance(watermark, true, out);
    }
    out.emitWatermark(watermark);
  }

  @Override
  public void onProcessingTime(long time, Output out) {
    if (!eventTime) {
      advance(time, false, out);
    }
  }

  @Override
  public void endInput(int input, Output out) {
    flushCombined(); // its slices' timers are registered as they reach state
    if (!eventTime && timers().size() > 0) {
      advance(Long.MAX_VALUE, false, out);
    }
  }
}
