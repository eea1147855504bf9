package io.weir.runtime.operator.window;

import io.weir.common.data.Row;
import io.weir.common.plan.WindowTableFunctionSpec;
import io.weir.runtime.operator.OperatorContext;
import io.weir.runtime.operator.Output;
import io.weir.runtime.operator.StreamOperator;

/**
 * TUMBLE, HOP and CUMULATE as table functions: stateless, each row is emitted at once, once per
 * window that contains its time, with the row's own kind.
 *
 * <p>On event time a window has ended once the watermark reached {@code end - 1} (it fires then
 * downstream); copies for ended windows are not emitted, and a row all of whose windows ended is
 * late: dropped and counted. The watermark is kept in a field, not in state: after a restore the
 * runtime replays the checkpointed watermark before the first row.
 */
final class AlignedWindowTableFunction implements StreamOperator {
  private final WindowTableFunctionSpec spec;
  private final AlignedWindows windows;
  private final long[] starts;
  private final long[] ends;
  private OperatorContext context;
  private long watermark = Long.MIN_VALUE;

  AlignedWindowTableFunction(WindowTableFunctionSpec spec) {
    this.spec = spec;
    this.windows = AlignedWindows.of(spec.window());
    this.starts = new long[windows.maxWindows()];
    this.ends = new long[windows.maxWindows()];
  }

  @Override
  public void open(OperatorContext context) {
    this.context = context;
  }

  @Override
  public void process(int input, Row row, Output out) {
    long ts = spec.eventTime() ? WindowTableFunctionOperator.eventTime(spec, row) : context.currentProcessingTime();
    int n = windows.assign(ts, starts, ends);
    int emitted = 0;
    for (int i = 0; i < n; i++) {
      if (spec.eventTime() && ends[i] - 1 <= watermark) {
        continue;
      }
      out.emit(WindowTableFunctionOperator.withWindow(row, row.kind(), starts[i], ends[i]));
      emitted++;
    }
    if (n > 0 && emitted == 0) {
      context.recordLateRow();
    }
  }

  @Override
  public void onWatermark(long watermark, Output out) {
    this.watermark = Math.max(this.watermark, watermark);
    out.emitWatermark(watermark);
  }
}
