package io.weir.runtime.expr;

import io.weir.common.data.Row;
import io.weir.common.error.WeirException;
import io.weir.common.plan.ExprSpec;
import io.weir.common.types.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles {@link ExprSpec} trees into {@link RowExpression} closures, once per operator.
 *
 * <p>Constant sub-trees are folded at compile time when their function is deterministic, so {@code
 * ts - INTERVAL '4' SECOND} costs one subtraction per row.
 */
public final class ExpressionCompiler {
  private final CompileContext context;

  public ExpressionCompiler(CompileContext context) {
    this.context = context;
  }

  public RowExpression compile(ExprSpec spec) {
    if (spec instanceof ExprSpec.InputRef ref) {
      int index = ref.index();
      return row -> row.field(index);
    }
    if (spec instanceof ExprSpec.Literal lit) {
      Object value = lit.value();
      return row -> value;
    }
    ExprSpec.Call call = (ExprSpec.Call) spec;
    if (call.isUserDefined()) {
      List<RowExpression> args = new ArrayList<>(call.operands().size());
      for (ExprSpec operand : call.operands()) {
        args.add(compile(operand));
      }
      return UserFunctionCalls.compile(call, args);
    }
    BuiltinFunctions.Function fn = BuiltinFunctions.lookup(call.function());
    if (fn == null) {
      throw new WeirException(
          "Function '" + call.function() + "' is not supported by the runtime (in " + call.explain(List.of()) + ")");
    }
    List<RowExpression> args = new ArrayList<>(call.operands().size());
    List<LogicalType> types = new ArrayList<>(call.operands().size());
    boolean allConstant = true;
    for (ExprSpec operand : call.operands()) {
      args.add(compile(operand));
      types.add(operand.type());
      allConstant &= isConstant(operand);
    }
    RowExpression compiled = fn.create(new BuiltinFunctions.Args(args, types, call.type(), context, call.operands()));
    if (allConstant && BuiltinFunctions.isDeterministic(call.function())) {
      Object folded = compiled.eval(EMPTY);
      return row -> folded;
    }
    return compiled;
  }

  public RowPredicate compilePredicate(ExprSpec spec) {
    return RowPredicate.of(compile(spec));
  }

  /** Compiles a projection: evaluates every expression into a new row of the input's kind. */
  public RowProjection compileProjection(List<ExprSpec> projections) {
    int n = projections.size();
    RowExpression[] exprs = new RowExpression[n];
    int[] refs = new int[n];
    boolean allRefs = true;
    for (int i = 0; i < n; i++) {
      exprs[i] = compile(projections.get(i));
      if (projections.get(i) instanceof ExprSpec.InputRef ref) {
        refs[i] = ref.index();
      } else {
        allRefs = false;
      }
    }
    if (allRefs) {
      return row -> {
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
          out[i] = row.field(refs[i]);
        }
        return Row.ofKind(row.kind(), out);
      };
    }
    return row -> {
      Object[] out = new Object[n];
      for (int i = 0; i < n; i++) {
        out[i] = exprs[i].eval(row);
      }
      return Row.ofKind(row.kind(), out);
    };
  }

  private static boolean isConstant(ExprSpec spec) {
    if (spec instanceof ExprSpec.Literal) {
      return true;
    }
    if (spec instanceof ExprSpec.Call c) {
      return !c.isUserDefined() && BuiltinFunctions.isDeterministic(c.function())
          && c.operands().stream().allMatch(ExpressionCompiler::isConstant);
    }
    return false;
  }

  private static final Row EMPTY = Row.of();

  /** A compiled projection producing a new row. */
  @FunctionalInterface
  public interface RowProjection {
    Row apply(Row row);
  }
}
