package io.weir.runtime.operator.aggregate;

import io.weir.common.data.Row;
import io.weir.common.data.RowKind;
import io.weir.common.plan.GroupAggSpec;
import io.weir.common.types.RowType;
import io.weir.runtime.operator.OperatorContext;
import io.weir.runtime.operator.Output;
import io.weir.runtime.operator.StreamOperator;
import io.weir.state.KeyedStateBackend;
import io.weir.state.TimerCallback;
import io.weir.state.TimerService;
import io.weir.state.ValueState;
import io.weir.state.ValueStateDescriptor;
import io.weir.state.VoidNamespace;
import io.weir.state.serialization.RowSerializer;
import java.util.Objects;

/**
 * Unbounded {@code GROUP BY} ({@link GroupAggSpec}): per group key, accumulators and a row count in
 * keyed state; every input row updates its group and emits the change of the group's result.
 *
 * <ul>
 *   <li>first result of a group: {@code +I}; changed: {@code -U(old) +U(new)}, or {@code +U(new)}
 *       alone without {@code generateUpdateBefore}; unchanged: nothing.
 *   <li>{@code -U}/{@code -D} input (an updating input) is retracted from the accumulators; a group
 *       whose last row is retracted emits {@code -D(old)} and its state is cleared. A retraction
 *       for a group with no state (expired by TTL) is ignored, as in Flink.
 *   <li>Without group keys (a global aggregate) the one group has the empty key: the first row
 *       emits {@code +I}, later rows update it, retracting every row emits {@code -D}.
 *   <li>State TTL ({@code stateTtlMillis > 0}): a group untouched that long (processing time) is
 *       dropped without output, so a later row for it starts afresh with {@code +I} — Flink's
 *       documented consequence of {@code table.exec.state.ttl}. Each group has at most one pending
 *       cleanup timer: when it fires early because the group was touched since, it moves on to
 *       the last access + TTL instead of a timer being registered per row.
 *   <li>Mini-batch ({@link GroupAggSpec#miniBatch()}): rows are buffered by group key and applied
 *       when the batch is full, its latency is up, a watermark or a checkpoint barrier arrives, or
 *       the input ends — per key one state read, every buffered row in order, one state write and
 *       at most one change of its result (a group that emptied and refilled within the batch shows
 *       only the net change). The same results, fewer intermediate updates.
 * </ul>
 *
 * Output rows: the group key values, then the aggregate values.
 */
public final class GroupAggOperator implements StreamOperator {
  private static final Row EMPTY_KEY = Row.of();

  private final GroupAggSpec spec;
  private final int[] keyFields;
  private final int arity;
  private final long ttl;
  private OperatorContext context;
  private AggregateCalls aggregates;
  private ValueState<Row, GroupState> groups;
  private TimerService<Row, VoidNamespace> cleanupTimers;
  private final TimerCallback<Row, VoidNamespace> expire = (key, ns, time) -> expire(key, time);
  /** Mini-batch: the buffered rows by group key, in arrival order; null without mini-batches. */
  private final java.util.LinkedHashMap<Row, java.util.ArrayList<Row>> batch;
  private int batched;
  /** When the first row of the current batch came (processing time), and where its results go. */
  private long batchStarted;
  private Output batchOutput;

  public GroupAggOperator(GroupAggSpec spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.keyFields = spec.groupKeys().stream().mapToInt(Integer::intValue).toArray();
    this.arity = keyFields.length + spec.aggregates().size();
    this.ttl = spec.stateTtlMillis();
    this.batch = spec.miniBatch() == null ? null : new java.util.LinkedHashMap<>();
  }

  @Override
  public void open(OperatorContext context) {
    this.context = context;
    RowType keyType = spec.inputType().project(keyFields);
    KeyedStateBackend<Row> backend = context.keyedState(keyType);
    aggregates = new AggregateCalls(spec.aggregates(), spec.inputType(), spec.inputUpdating());
    groups = backend.valueState(new ValueStateDescriptor<>(
        "group-agg", new GroupState.Serializer(aggregates.serializer(), new RowSerializer(spec.outputType()))));
    if (ttl > 0) {
      cleanupTimers = backend.timerService("group-agg-ttl");
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

  @Override
  public void process(int input, Row row, Output out) {
    boolean accumulate = row.kind().isAccumulate();
    if (!accumulate && !spec.inputUpdating()) {
      throw new IllegalStateException(
          "GroupAggregate got the retraction " + row + " but its input was planned as insert-only");
    }
    Row key = keyOf(row);
    if (batch == null) {
      emitChange(key, fold(groups.get(key), row), out);
      return;
    }
    if (batched == 0) {
      batchStarted = context.currentProcessingTime();
      batchOutput = out;
    }
    batch.computeIfAbsent(key, k -> new java.util.ArrayList<>(4)).add(row);
    if (++batched >= spec.miniBatch().size()) {
      flush(out);
    }
  }

  /** Applies the buffered rows, key by key. */
  private void flush(Output out) {
    if (batched == 0) {
      return;
    }
    for (java.util.Map.Entry<Row, java.util.ArrayList<Row>> e : batch.entrySet()) {
      GroupState group = groups.get(e.getKey());
      for (Row row : e.getValue()) {
        group = fold(group, row);
      }
      emitChange(e.getKey(), group, out);
    }
    batch.clear();
    batched = 0;
  }

  @Override
  public void onWatermark(long watermark, Output out) {
    flush(out);
    out.emitWatermark(watermark);
  }

  /**
   * Applies the batch before the barrier passes, into keyed state (snapshotted next) and into the
   * output (ahead of the barrier, and of the snapshots of the operators chained after this one).
   */
  @Override
  public byte[] snapshotOperatorState(long checkpointId) {
    flush(batchOutput);
    return NO_STATE;
  }

  @Override
  public void endInput(int input, Output out) {
    flush(out);
  }

  /** Adds or retracts {@code row} in {@code group} (null: none yet); returns the group, or null. */
  private GroupState fold(GroupState group, Row row) {
    boolean accumulate = row.kind().isAccumulate();
    if (group == null) {
      if (!accumulate) {
        return null; // a retraction of a group with no state (expired): ignored
      }
      group = new GroupState(aggregates.createAccumulators());
    }
    if (accumulate) {
      aggregates.accumulate(group.accumulators, row);
      group.rowCount++;
    } else {
      aggregates.retract(group.accumulators, row);
      group.rowCount--;
    }
    return group;
  }

  /** Stores the group after its rows were folded in, and emits the change of its result. */
  private void emitChange(Row key, GroupState group, Output out) {
    if (group == null) {
      return;
    }

    if (group.rowCount <= 0) {
      if (group.previous != null) {
        out.emit(group.previous.withKind(RowKind.DELETE));
      }
      groups.clear(key);
      if (group.cleanupTimer != GroupState.NO_TIMER) {
        cleanupTimers.deleteProcessingTimeTimer(key, VoidNamespace.INSTANCE, group.cleanupTimer);
      }
      return;
    }

    Object[] fields = new Object[arity];
    for (int i = 0; i < keyFields.length; i++) {
      fields[i] = key.field(i);
    }
    aggregates.getValues(group.accumulators, fields, keyFields.length);
    Row previous = group.previous;
    if (previous == null) {
      Row result = Row.of(fields);
      out.emit(result);
      group.previous = result;
    } else if (!sameValues(previous, fields)) {
      if (spec.generateUpdateBefore()) {
        out.emit(previous.withKind(RowKind.UPDATE_BEFORE));
      }
      Row result = Row.ofKind(RowKind.UPDATE_AFTER, fields);
      out.emit(result);
      group.previous = result;
    }
    if (ttl > 0) {
      group.lastAccess = context.currentProcessingTime();
      if (group.cleanupTimer == GroupState.NO_TIMER) {
        group.cleanupTimer = group.lastAccess + ttl;
        cleanupTimers.registerProcessingTimeTimer(key, VoidNamespace.INSTANCE, group.cleanupTimer);
      }
    }
    groups.put(key, group);
  }

  /** Compares the aggregate values only: the keys of one group are equal by definition. */
  private boolean sameValues(Row previous, Object[] fields) {
    for (int i = keyFields.length; i < fields.length; i++) {
      if (!Objects.deepEquals(previous.field(i), fields[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void onProcessingTime(long time, Output out) {
    if (batch != null && batched > 0 && time - batchStarted >= spec.miniBatch().latencyMillis()) {
      flush(out);
    }
    if (cleanupTimers != null) {
      cleanupTimers.advanceProcessingTime(time, expire);
    }
  }

  private void expire(Row key, long time) {
    GroupState group = groups.get(key);
    if (group == null || group.cleanupTimer != time) {
      return; // a timer of a group that emptied and started again since; its own timer is pending
    }
    long due = group.lastAccess + ttl;
    if (due <= time) {
      groups.clear(key);
    } else {
      group.cleanupTimer = due;
      cleanupTimers.registerProcessingTimeTimer(key, VoidNamespace.INSTANCE, due);
      groups.put(key, group);
    }
  }
}
