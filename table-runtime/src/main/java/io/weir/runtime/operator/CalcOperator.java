package io.weir.runtime.operator;

import io.weir.common.data.Row;
import io.weir.common.plan.CalcSpec;
import io.weir.runtime.expr.ExpressionCompiler;
import io.weir.runtime.expr.RowPredicate;

/** Filters and projects rows: {@code SELECT exprs FROM … WHERE condition}. Keeps each row's kind. */
final class CalcOperator implements StreamOperator {
  private final CalcSpec spec;
  private RowPredicate condition;
  private ExpressionCompiler.RowProjection projection;

  CalcOperator(CalcSpec spec) {
    this.spec = spec;
  }

  @Override
  public void open(OperatorContext context) {
    ExpressionCompiler compiler = new ExpressionCompiler(context.compileContext());
    java.util.List<io.weir.common.plan.ExprSpec> all = new java.util.ArrayList<>(spec.projections());
    all.add(spec.condition());
    compiler.shareCommonSubexpressions(all);
    condition = spec.condition() == null ? null : compiler.compilePredicate(spec.condition());
    projection = isIdentity() ? null : compiler.compileProjection(spec.projections());
  }

  private boolean isIdentity() {
    if (spec.projections().size() != spec.inputType().arity()) {
      return false;
    }
    for (int i = 0; i < spec.projections().size(); i++) {
      if (!(spec.projections().get(i) instanceof io.weir.common.plan.ExprSpec.InputRef r) || r.index() != i) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void process(int input, Row row, Output out) {
    if (condition != null && !condition.test(row)) {
      return;
    }
    out.emit(projection == null ? row : projection.apply(row));
  }
}
