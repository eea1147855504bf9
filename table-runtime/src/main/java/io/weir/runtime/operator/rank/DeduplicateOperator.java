package io.weir.runtime.operator.rank;

import io.weir.common.data.Row;
import io.weir.common.data.RowKind;
import io.weir.common.plan.DeduplicateSpec;
import io.weir.runtime.operator.OperatorContext;
import io.weir.runtime.operator.Output;
import io.weir.runtime.operator.StreamOperator;
import io.weir.state.ValueState;
import io.weir.state.ValueStateDescriptor;
import io.weir.state.serialization.RowSerializer;
import io.weir.state.serialization.Serializers;

/**
 * Keeps the first or the last row per key: {@code ROW_NUMBER() OVER (PARTITION BY keys ORDER BY
 * time ASC|DESC) = 1}. The output has the input's schema.
 *
 * <ul>
 *   <li>Processing time, first row: {@code +I} once, later rows are dropped. Insert-only.
 *   <li>Processing time, last row: {@code +I}, then for each newer row {@code -U} old / {@code +U}
 *       new ({@code +U} only without {@code generateUpdateBefore}).
 *   <li>Event time orders by the time field, not by arrival. First row: a row with an earlier
 *       time than the kept one replaces it; a row with an equal or later time is dropped. Last
 *       row: a row with an equal or later time replaces the kept one (of two rows with the same
 *       time the later arrival is "last"); an earlier one is dropped. Replacing emits updates as
 *       above.
 * </ul>
 *
 * <p><b>State</b>, per key: for processing-time first row only {@code dedup-seen}, a flag — the
 * row itself is never needed again; otherwise {@code dedup-row}, the kept row.
 *
 * <p>The input must be insert-only (the planner only plans deduplication over one); {@code +U} is
 * taken as an insert, {@code -U}/{@code -D} fail the job rather than produce a wrong result.
 */
public final class DeduplicateOperator implements StreamOperator {
  private final DeduplicateSpec spec;
  private final KeySelector keys;
  private ValueState<Row, Boolean> seen;
  private ValueState<Row, Row> kept;

  public DeduplicateOperator(DeduplicateSpec spec) {
    this.spec = spec;
    this.keys = new KeySelector(spec.keys(), spec.inputType());
    if (spec.eventTime() && (spec.timeField() < 0 || spec.timeField() >= spec.inputType().arity())) {
      throw new IllegalArgumentException("time field " + spec.timeField() + " is not a column of " + spec.inputType());
    }
  }

  @Override
  public void open(OperatorContext context) {
    var backend = context.keyedState(keys.keyType());
    if (!spec.eventTime() && !spec.keepLastRow()) {
      seen = backend.valueState(new ValueStateDescriptor<>("dedup-seen", Serializers.BOOLEAN));
    } else {
      kept = backend.valueState(new ValueStateDescriptor<>("dedup-row", new RowSerializer(spec.inputType())));
    }
  }

  @Override
  public void process(int input, Row row, Output out) {
    if (!row.kind().isAccumulate()) {
      throw new IllegalStateException(spec.explain() + " needs an insert-only input but received " + row);
    }
    Row key = keys.keyOf(row);
    if (seen != null) {
      if (seen.get(key) == null) {
        seen.put(key, Boolean.TRUE);
        out.emit(row.withKind(RowKind.INSERT));
      }
      return;
    }
    Row previous = kept.get(key);
    if (previous != null && spec.eventTime() && !replaces(row, previous)) {
      return;
    }
    Row current = row.withKind(RowKind.INSERT);
    kept.put(key, current);
    if (previous == null) {
      out.emit(current);
    } else {
      if (spec.generateUpdateBefore()) {
        out.emit(previous.withKind(RowKind.UPDATE_BEFORE));
      }
      out.emit(current.withKind(RowKind.UPDATE_AFTER));
    }
  }

  /** Event time: whether {@code row} takes the place of the kept row {@code previous}. */
  private boolean replaces(Row row, Row previous) {
    long time = time(row);
    long keptTime = time(previous);
    return spec.keepLastRow() ? time >= keptTime : time < keptTime;
  }

  private long time(Row row) {
    Object t = row.field(spec.timeField());
    if (t == null) {
      throw new IllegalStateException("The time attribute " + spec.inputType().name(spec.timeField())
          + " of " + spec.explain() + " is null in " + row + "; an event-time attribute must not be null");
    }
    return ((Number) t).longValue();
  }
}
