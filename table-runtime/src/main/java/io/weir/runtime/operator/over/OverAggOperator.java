package io.weir.runtime.operator.over;

import io.weir.common.data.Row;
import io.weir.common.plan.OverAggSpec;
import io.weir.runtime.operator.OperatorContext;
import io.weir.runtime.operator.Output;
import io.weir.runtime.operator.StreamOperator;
import io.weir.runtime.operator.aggregate.AggregateCalls;
import io.weir.runtime.operator.rank.KeySelector;
import io.weir.state.KeyedStateBackend;
import io.weir.state.ListState;
import io.weir.state.ListStateDescriptor;
import io.weir.state.MapState;
import io.weir.state.MapStateDescriptor;
import io.weir.state.TimerService;
import io.weir.state.ValueState;
import io.weir.state.ValueStateDescriptor;
import io.weir.state.VoidNamespace;
import io.weir.state.serialization.ListSerializer;
import io.weir.state.serialization.RowSerializer;
import io.weir.state.serialization.Serializers;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code agg(…) OVER (PARTITION BY keys ORDER BY time ROWS|RANGE BETWEEN … PRECEDING AND CURRENT
 * ROW)}. On event time, rows wait in state until the watermark reaches their time, so each
 * partition is processed in time order (rows at or behind the watermark are late: dropped and
 * counted); on processing time they are processed as they arrive. Each row is emitted once, with
 * the aggregates over its frame appended.
 *
 * <p>State per partition: the running accumulators; the rows still inside a bounded frame (with
 * their times), which are retracted as they leave it; and, on event time, the rows waiting for the
 * watermark, by time, each time with a timer.
 */
public final class OverAggOperator implements StreamOperator {
  private final OverAggSpec spec;
  private final KeySelector keys;
  private OperatorContext context;
  private AggregateCalls calls;
  private ValueState<Row, Object[]> accumulators;
  private ListState<Row, Row> frameRows;
  private ListState<Row, Long> frameTimes;
  private MapState<Row, Long, List<Row>> pending;
  private TimerService<Row, VoidNamespace> timers;

  public OverAggOperator(OverAggSpec spec) {
    this.spec = spec;
    this.keys = new KeySelector(spec.partitionKeys(), spec.inputType());
  }

  @Override
  public void open(OperatorContext context) {
    this.context = context;
    KeyedStateBackend<Row> state = context.keyedState(keys.keyType());
    boolean bounded = spec.preceding() >= 0;
    calls = new AggregateCalls(spec.aggregates(), spec.inputType(), bounded);
    RowSerializer rows = new RowSerializer(spec.inputType());
    accumulators = state.valueState(new ValueStateDescriptor<>("over-accumulators", calls.serializer()));
    frameRows = state.listState(new ListStateDescriptor<>("over-frame-rows", rows));
    frameTimes = state.listState(new ListStateDescriptor<>("over-frame-times", Serializers.LONG));
    pending = state.mapState(new MapStateDescriptor<>("over-pending", Serializers.LONG, new ListSerializer<>(rows)));
    timers = state.timerService("over-timers");
  }

  @Override
  public void process(int input, Row row, Output out) {
    Row key = keys.keyOf(row);
    if (!spec.eventTime()) {
      processRows(key, List.of(row), context.currentProcessingTime(), out);
      return;
    }
    Object time = row.field(spec.orderField());
    if (time == null) {
      throw new IllegalArgumentException("OVER aggregation over event time met a row without a time: " + row);
    }
    long ts = (Long) time;
    if (ts <= timers.currentWatermark()) {
      context.recordLateRow();
      return;
    }
    List<Row> waiting = pending.get(key, ts);
    List<Row> updated = waiting == null ? new ArrayList<>() : new ArrayList<>(waiting);
    updated.add(row);
    pending.put(key, ts, updated);
    timers.registerEventTimeTimer(key, VoidNamespace.INSTANCE, ts);
  }

  @Override
  public void onWatermark(long watermark, Output out) {
    timers.advanceWatermark(watermark, (key, ns, ts) -> {
      List<Row> rows = pending.get(key, ts);
      pending.remove(key, ts);
      if (rows != null) {
        processRows(key, rows, ts, out);
      }
    });
    out.emitWatermark(watermark);
  }

  /** Adds the rows of one time to their partition's frame and emits each with its aggregates. */
  private void processRows(Row key, List<Row> rows, long time, Output out) {
    Object[] accs = accumulators.get(key);
    if (accs == null) {
      accs = calls.createAccumulators();
    }
    boolean bounded = spec.preceding() >= 0;
    List<Row> inFrame = bounded ? new ArrayList<>(frameRows.get(key)) : null;
    List<Long> inFrameTimes = bounded ? new ArrayList<>(frameTimes.get(key)) : null;
    if (spec.rows()) {
      // ROWS: each row's frame is itself and the `preceding` rows before it, in time order.
      for (Row row : rows) {
        calls.accumulate(accs, row);
        if (bounded) {
          inFrame.add(row);
          inFrameTimes.add(time);
          while (inFrame.size() > spec.preceding() + 1) {
            calls.retract(accs, inFrame.remove(0));
            inFrameTimes.remove(0);
          }
        }
        out.emit(withValues(row, accs));
      }
    } else {
      // RANGE: every row of one time (its peers) shares the frame [time - preceding, time].
      for (Row row : rows) {
        calls.accumulate(accs, row);
        if (bounded) {
          inFrame.add(row);
          inFrameTimes.add(time);
        }
      }
      if (bounded) {
        while (!inFrameTimes.isEmpty() && inFrameTimes.get(0) < time - spec.preceding()) {
          calls.retract(accs, inFrame.remove(0));
          inFrameTimes.remove(0);
        }
      }
      for (Row row : rows) {
        out.emit(withValues(row, accs));
      }
    }
    accumulators.put(key, accs);
    if (bounded) {
      frameRows.update(key, inFrame);
      frameTimes.update(key, inFrameTimes);
    }
  }

  private Row withValues(Row row, Object[] accs) {
    int n = row.arity();
    Object[] fields = new Object[n + calls.size()];
    for (int i = 0; i < n; i++) {
      fields[i] = row.field(i);
    }
    calls.getValues(accs, fields, n);
    return Row.of(fields);
  }
}
