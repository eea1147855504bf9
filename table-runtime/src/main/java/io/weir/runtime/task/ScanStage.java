package io.weir.runtime.task;

import io.weir.common.data.Row;
import io.weir.common.plan.ScanSpec;
import io.weir.runtime.expr.CompileContext;
import io.weir.runtime.expr.ExpressionCompiler;
import io.weir.runtime.expr.RowExpression;
import io.weir.runtime.expr.RowPredicate;
import io.weir.runtime.operator.Output;

/**
 * The per-row work of a {@link ScanSpec} inside the source task: computed columns, the split's
 * watermark, the pushed-down filter and the output projection.
 */
final class ScanStage {
  private final RowExpression[] computed;
  private final int readArity;
  private final RowExpression watermark;
  private final RowPredicate filter;
  private final int[] outputFields;
  private final boolean identityOutput;

  ScanStage(ScanSpec spec, CompileContext context) {
    ExpressionCompiler compiler = new ExpressionCompiler(context);
    this.readArity = spec.readFields().size() + spec.metadata().arity();
    this.computed = spec.computedColumns().stream().map(compiler::compile).toArray(RowExpression[]::new);
    this.watermark = spec.watermark() == null ? null : compiler.compile(spec.watermark().expression());
    this.filter = spec.filter() == null ? null : compiler.compilePredicate(spec.filter());
    this.outputFields = spec.outputFields().stream().mapToInt(Integer::intValue).toArray();
    boolean identity = outputFields.length == readArity + computed.length;
    for (int i = 0; identity && i < outputFields.length; i++) {
      identity = outputFields[i] == i;
    }
    this.identityOutput = identity;
  }

  /** The watermark progress of one split: the maximum watermark its rows allowed. */
  static final class SplitWatermark {
    long value = Long.MIN_VALUE;
  }

  void process(Row read, SplitWatermark splitWatermark, Output out) {
    Row scan = read;
    if (computed.length > 0) {
      Object[] fields = new Object[readArity + computed.length];
      for (int i = 0; i < readArity; i++) {
        fields[i] = read.field(i);
      }
      Row partial = Row.ofKind(read.kind(), fields);
      // Computed columns see the read fields only (the planner guarantees it), so they can be
      // evaluated over the partly filled row.
      for (int i = 0; i < computed.length; i++) {
        fields[readArity + i] = computed[i].eval(partial);
      }
      scan = partial;
    }
    if (watermark != null) {
      Object w = watermark.eval(scan);
      if (w != null) {
        long value = (Long) w;
        if (value > splitWatermark.value) {
          splitWatermark.value = value;
        }
      }
    }
    if (filter != null && !filter.test(scan)) {
      return;
    }
    if (identityOutput) {
      out.emit(scan);
      return;
    }
    Object[] projected = new Object[outputFields.length];
    for (int i = 0; i < outputFields.length; i++) {
      projected[i] = scan.field(outputFields[i]);
    }
    out.emit(Row.ofKind(scan.kind(), projected));
  }
}
