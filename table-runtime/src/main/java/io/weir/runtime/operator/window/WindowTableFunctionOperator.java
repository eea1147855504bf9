package io.weir.runtime.operator.window;

import io.weir.common.data.Row;
import io.weir.common.data.RowKind;
import io.weir.common.plan.WindowSpec;
import io.weir.common.plan.WindowTableFunctionSpec;
import io.weir.runtime.operator.OperatorContext;
import io.weir.runtime.operator.Output;
import io.weir.runtime.operator.StreamOperator;

/**
 * A window table function's own output ({@code SELECT * FROM TABLE(TUMBLE(…))}): each input row
 * once per window it belongs to, with {@code window_start}, {@code window_end} and {@code
 * window_time = window_end - 1} appended as epoch millis.
 *
 * <p>TUMBLE, HOP and CUMULATE are stateless ({@link AlignedWindowTableFunction}); SESSION keeps
 * the rows until their session closes ({@link SessionWindowTableFunction}). This class only picks
 * one of the two.
 */
public final class WindowTableFunctionOperator implements StreamOperator {
  private final StreamOperator delegate;

  public WindowTableFunctionOperator(WindowTableFunctionSpec spec) {
    if (spec.eventTime() && (spec.timeField() < 0 || spec.timeField() >= spec.inputType().arity())) {
      throw new IllegalArgumentException("time field " + spec.timeField() + " is not a column of " + spec.inputType());
    }
    this.delegate = spec.window() instanceof WindowSpec.Session
        ? new SessionWindowTableFunction(spec)
        : new AlignedWindowTableFunction(spec);
  }

  @Override
  public void open(OperatorContext context) throws Exception {
    delegate.open(context);
  }

  @Override
  public void process(int input, Row row, Output out) throws Exception {
    delegate.process(input, row, out);
  }

  @Override
  public void onWatermark(long watermark, Output out) throws Exception {
    delegate.onWatermark(watermark, out);
  }

  @Override
  public void onProcessingTime(long time, Output out) throws Exception {
    delegate.onProcessingTime(time, out);
  }

  @Override
  public void endInput(int input, Output out) throws Exception {
    delegate.endInput(input, out);
  }

  @Override
  public void close() throws Exception {
    delegate.close();
  }

  /** {@code row}'s fields followed by the window's start, end and time, as a row of {@code kind}. */
  static Row withWindow(Row row, RowKind kind, long start, long end) {
    int n = row.arity();
    Object[] fields = new Object[n + 3];
    for (int i = 0; i < n; i++) {
      fields[i] = row.field(i);
    }
    fields[n] = start;
    fields[n + 1] = end;
    fields[n + 2] = end - 1;
    return Row.ofKind(kind, fields);
  }

  /** The event time of {@code row}: its time attribute, which must not be null. */
  static long eventTime(WindowTableFunctionSpec spec, Row row) {
    Object t = row.field(spec.timeField());
    if (t == null) {
      throw new IllegalStateException("The time attribute " + spec.inputType().name(spec.timeField())
          + " is null in " + row + "; an event-time attribute must not be null");
    }
    return ((Number) t).longValue();
  }
}
