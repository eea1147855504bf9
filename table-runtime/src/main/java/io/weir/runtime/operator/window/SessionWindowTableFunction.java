package io.weir.runtime.operator.window;

import io.weir.common.data.Row;
import io.weir.common.data.RowKind;
import io.weir.common.plan.WindowSpec;
import io.weir.common.plan.WindowTableFunctionSpec;
import io.weir.runtime.operator.OperatorContext;
import io.weir.runtime.operator.Output;
import io.weir.runtime.operator.StreamOperator;
import io.weir.runtime.operator.rank.KeySelector;
import io.weir.state.KeyedStateBackend;
import io.weir.state.ListStateDescriptor;
import io.weir.state.MapState;
import io.weir.state.MapStateDescriptor;
import io.weir.state.NamespacedListState;
import io.weir.state.TimerCallback;
import io.weir.state.TimerService;
import io.weir.state.serialization.RowSerializer;
import io.weir.state.serialization.Serializers;
import io.weir.state.serialization.TypeSerializer;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SESSION as a table function: rows are buffered per partition key until their session closes,
 * then emitted, insert-only, with that session's window columns.
 *
 * <p>A row at {@code ts} opens the window {@code [ts, ts + gap)}; windows that overlap or touch
 * merge, as Flink's session windows do: with a gap of 10, rows at 0 and 10 share the session
 * {@code [0, 20)}. A session closes when the watermark (processing time, without event time)
 * reaches {@code end - 1}. A row whose own window has closed and that merges with no open session
 * is late: dropped and counted.
 *
 * <p><b>State</b>, per partition key: {@code session-windows}, a map from a session's id to its
 * {@code [start, end)}; {@code session-rows}, the rows of each session in a list namespaced by the
 * id; {@code session-timers}, one timer per session at {@code end - 1}, namespaced by the id. The
 * id is the start of the session's first window, and stays when the session grows, so a row
 * extending a session is one list append; only merging two existing sessions moves rows. Ids
 * never collide: an open session contains its id, so a new row there merges into it.
 */
final class SessionWindowTableFunction implements StreamOperator {
  private final WindowTableFunctionSpec spec;
  private final long gap;
  private final KeySelector keys;
  private MapState<Row, Long, Session> sessions;
  private NamespacedListState<Row, Long, Row> rows;
  private TimerService<Row, Long> timers;
  private OperatorContext context;
  private final TimerCallback<Row, Long> fire = this::fire;
  /** Where the timers being fired emit; set only for the duration of an advance. */
  private Output firing;

  SessionWindowTableFunction(WindowTableFunctionSpec spec) {
    this.spec = spec;
    this.gap = ((WindowSpec.Session) spec.window()).gap();
    this.keys = new KeySelector(spec.partitionKeys(), spec.inputType());
  }

  @Override
  public void open(OperatorContext context) {
    this.context = context;
    KeyedStateBackend<Row> backend = context.keyedState(keys.keyType());
    sessions = backend.mapState(new MapStateDescriptor<>("session-windows", Serializers.LONG, Session.SERIALIZER));
    rows = backend.listState(new ListStateDescriptor<>("session-rows", new RowSerializer(spec.inputType())), Serializers.LONG);
    timers = backend.timerService("session-timers", Serializers.LONG);
  }

  @Override
  public void process(int input, Row row, Output out) {
    if (!row.kind().isAccumulate()) {
      throw new IllegalStateException("SESSION windows need an insert-only input but received " + row);
    }
    long ts = spec.eventTime() ? WindowTableFunctionOperator.eventTime(spec, row) : context.currentProcessingTime();
    Row key = keys.keyOf(row);
    long start = ts;
    long end = ts + gap;
    // Sessions of one key are disjoint and apart, so every session the merged one swallows
    // touches the new window itself: one pass finds them all.
    Long target = null;
    List<Long> absorbed = null;
    for (Map.Entry<Long, Session> e : sessions.entries(key)) {
      Session s = e.getValue();
      if (s.start() <= ts + gap && s.end() >= ts) {
        start = Math.min(start, s.start());
        end = Math.max(end, s.end());
        if (target == null) {
          target = e.getKey();
        } else {
          (absorbed == null ? absorbed = new ArrayList<>() : absorbed).add(e.getKey());
        }
      }
    }
    if (target == null) {
      if (spec.eventTime() && end - 1 <= timers.currentWatermark()) {
        context.recordLateRow();
        return;
      }
      target = ts;
    } else {
      Session old = sessions.get(key, target);
      if (old.end() != end) {
        deleteTimer(key, target, old.end() - 1);
      }
      if (absorbed != null) {
        List<Row> merged = new ArrayList<>(rows.get(key, target));
        for (Long id : absorbed) {
          merged.addAll(rows.get(key, id));
          rows.clear(key, id);
          deleteTimer(key, id, sessions.get(key, id).end() - 1);
          sessions.remove(key, id);
        }
        rows.update(key, target, merged);
      }
    }
    sessions.put(key, target, new Session(start, end));
    rows.add(key, target, row.withKind(RowKind.INSERT));
    // Registering an existing timer again keeps one.
    if (spec.eventTime()) {
      timers.registerEventTimeTimer(key, target, end - 1);
    } else {
      timers.registerProcessingTimeTimer(key, target, end - 1);
    }
  }

  private void deleteTimer(Row key, Long id, long time) {
    if (spec.eventTime()) {
      timers.deleteEventTimeTimer(key, id, time);
    } else {
      timers.deleteProcessingTimeTimer(key, id, time);
    }
  }

  @Override
  public void onWatermark(long watermark, Output out) {
    if (spec.eventTime()) {
      advance(out, () -> timers.advanceWatermark(watermark, fire));
    }
    out.emitWatermark(watermark);
  }

  @Override
  public void onProcessingTime(long time, Output out) {
    if (!spec.eventTime()) {
      advance(out, () -> timers.advanceProcessingTime(time, fire));
    }
  }

  private void advance(Output out, Runnable advance) {
    firing = out;
    try {
      advance.run();
    } finally {
      firing = null;
    }
  }

  private void fire(Row key, Long id, long time) {
    Session s = sessions.get(key, id);
    if (s == null || s.end() - 1 != time) {
      return;
    }
    for (Row row : rows.get(key, id)) {
      firing.emit(WindowTableFunctionOperator.withWindow(row, RowKind.INSERT, s.start(), s.end()));
    }
    rows.clear(key, id);
    sessions.remove(key, id);
  }

  /** A session window {@code [start, end)}. */
  record Session(long start, long end) {
    static final TypeSerializer<Session> SERIALIZER = new TypeSerializer<>() {
      @Override
      public void serialize(Session value, DataOutput out) throws IOException {
        out.writeLong(value.start);
        out.writeLong(value.end);
      }

      @Override
      public Session deserialize(DataInput in) throws IOException {
        return new Session(in.readLong(), in.readLong());
      }

      @Override
      public String signature() {
        return "SESSION<BIGINT, BIGINT>";
      }
    };
  }
}
