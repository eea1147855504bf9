package io.weir.runtime.operator.window;

import io.weir.common.data.Row;
import io.weir.common.data.RowKind;
import io.weir.common.plan.WindowRankSpec;
import io.weir.runtime.operator.OperatorContext;
import io.weir.runtime.operator.Output;
import io.weir.runtime.operator.StreamOperator;
import io.weir.runtime.operator.rank.KeySelector;
import io.weir.runtime.operator.rank.SortKeyComparator;
import io.weir.state.KeyedStateBackend;
import io.weir.state.NamespacedValueState;
import io.weir.state.TimerCallback;
import io.weir.state.TimerService;
import io.weir.state.ValueStateDescriptor;
import io.weir.state.serialization.ListSerializer;
import io.weir.state.serialization.RowSerializer;
import io.weir.state.serialization.Serializers;
import java.util.ArrayList;
import java.util.List;

/**
 * Window Top-N and window deduplication over rows that carry their window columns: per partition
 * and window, the rows ranked {@code rankStart..rankEnd} by the sort keys ({@code ROW_NUMBER}, ties
 * in arrival order), emitted once, insert-only, when the watermark reaches {@code window_end - 1};
 * with the rank number appended when asked. A row whose window has already fired is late:
 * dropped and counted.
 *
 * <p><b>State</b>, per partition key and window end (the namespace): {@code window-rank-rows}, the
 * best {@code rankEnd} rows so far, sorted — a row behind them can never rise, since nothing
 * leaves before the window fires; {@code window-rank-timers}, one event-time timer at {@code
 * window_end - 1}. Both are cleared when the window fires. The window end is the namespace even
 * though the partition keys include the window, so one key never mixes two windows' rows.
 */
public final class WindowRankOperator implements StreamOperator {
  private final WindowRankSpec spec;
  private final KeySelector keys;
  private final SortKeyComparator order;
  private final long rankStart;
  private final long rankEnd;
  private OperatorContext context;
  private NamespacedValueState<Row, Long, List<Row>> tops;
  private TimerService<Row, Long> timers;
  private final TimerCallback<Row, Long> fire = this::fire;
  /** Where the timers being fired emit; set only for the duration of an advance. */
  private Output firing;

  public WindowRankOperator(WindowRankSpec spec) {
    this.spec = spec;
    this.keys = new KeySelector(spec.partitionKeys(), spec.inputType());
    this.order = new SortKeyComparator(spec.sortKeys(), spec.inputType());
    this.rankStart = spec.rankStart();
    this.rankEnd = spec.rankEnd();
    int expectedArity = spec.inputType().arity() + (spec.outputRankNumber() ? 1 : 0);
    if (spec.outputType().arity() != expectedArity) {
      throw new IllegalArgumentException("WindowRank output " + spec.outputType() + " must have " + expectedArity
          + " columns: the input's" + (spec.outputRankNumber() ? " plus the rank number" : ""));
    }
    if (spec.windowEndField() < 0 || spec.windowEndField() >= spec.inputType().arity()) {
      throw new IllegalArgumentException("window end field " + spec.windowEndField() + " is not a column of " + spec.inputType());
    }
  }

  @Override
  public void open(OperatorContext context) {
    this.context = context;
    KeyedStateBackend<Row> backend = context.keyedState(keys.keyType());
    tops = backend.valueState(
        new ValueStateDescriptor<>("window-rank-rows", new ListSerializer<>(new RowSerializer(spec.inputType()))),
        Serializers.LONG);
    timers = backend.timerService("window-rank-timers", Serializers.LONG);
  }

  @Override
  public void process(int input, Row row, Output out) {
    if (row.kind() != RowKind.INSERT) {
      throw new IllegalStateException(spec.explain() + " needs an insert-only input but received " + row);
    }
    Object endValue = row.field(spec.windowEndField());
    if (endValue == null) {
      throw new IllegalStateException("window_end is null in " + row);
    }
    long windowEnd = ((Number) endValue).longValue();
    // [start, end) fires at watermark end - 1; from then on its rows are late.
    if (windowEnd - 1 <= timers.currentWatermark()) {
      context.recordLateRow();
      return;
    }
    Row key = keys.keyOf(row);
    Long window = windowEnd;
    List<Row> top = tops.get(key, window);
    if (top == null) {
      top = new ArrayList<>();
      timers.registerEventTimeTimer(key, window, windowEnd - 1);
    }
    int pos = order.upperBound(top, row);
    if (pos >= rankEnd) {
      return;
    }
    top.add(pos, row);
    if (top.size() > rankEnd) {
      top.remove(top.size() - 1);
    }
    tops.put(key, window, top);
  }

  @Override
  public void onWatermark(long watermark, Output out) {
    firing = out;
    try {
      timers.advanceWatermark(watermark, fire);
    } finally {
      firing = null;
    }
    out.emitWatermark(watermark);
  }

  private void fire(Row key, Long window, long time) {
    List<Row> top = tops.get(key, window);
    if (top == null) {
      return;
    }
    long last = Math.min(top.size(), rankEnd);
    for (long rank = rankStart; rank <= last; rank++) {
      firing.emit(output(top.get((int) (rank - 1)), rank));
    }
    tops.clear(key, window);
  }

  private Row output(Row row, long rank) {
    if (!spec.outputRankNumber()) {
      return row;
    }
    int n = row.arity();
    Object[] fields = new Object[n + 1];
    for (int i = 0; i < n; i++) {
      fields[i] = row.field(i);
    }
    fields[n] = rank;
    return Row.of(fields);
  }
}
