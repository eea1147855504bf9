package io.weir.runtime.expr;

import io.weir.common.data.Row;
import io.weir.common.error.WeirException;
import io.weir.common.plan.ExprSpec;
import io.weir.common.types.LogicalType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles {@link ExprSpec} trees into {@link RowExpression} closures, once per operator.
 *
 * <p>Constant sub-trees are folded at compile time when their function is deterministic, so {@code
 * ts - INTERVAL '4' SECOND} costs one subtraction per row.
 *
 * <p>Common subexpressions: after {@link #shareCommonSubexpressions}, a deterministic call that
 * occurs more than once among the given expressions (a filter's and a projection's {@code
 * REGEXP_EXTRACT(url, …)}, the {@code LOWER(channel)} of every {@code WHEN}) is evaluated once per
 * row, by whichever use comes first.
 */
public final class ExpressionCompiler {
  private final CompileContext context;
  /** Calls to evaluate once per row, and their compiled, memoising expressions once compiled. */
  private Set<ExprSpec> common = Set.of();
  private final Map<ExprSpec, RowExpression> shared = new HashMap<>();

  public ExpressionCompiler(CompileContext context) {
    this.context = context;
  }

  /**
   * Makes the deterministic calls that occur more than once in {@code specs} (which are then
   * compiled by this compiler, and evaluated on the same rows in turn) evaluate once per row.
   */
  public void shareCommonSubexpressions(List<ExprSpec> specs) {
    Map<ExprSpec, Integer> counts = new HashMap<>();
    for (ExprSpec spec : specs) {
      if (spec != null) {
        count(spec, counts);
      }
    }
    Set<ExprSpec> repeated = new HashSet<>();
    counts.forEach((spec, n) -> {
      if (n > 1) {
        repeated.add(spec);
      }
    });
    common = repeated;
  }

  /** Counts the shareable calls of {@code spec}; below a repeated one nothing more is counted. */
  private static void count(ExprSpec spec, Map<ExprSpec, Integer> counts) {
    if (!(spec instanceof ExprSpec.Call call)) {
      return;
    }
    boolean shareable = !call.isUserDefined() && BuiltinFunctions.isDeterministic(call.function()) && !isConstant(call);
    if (shareable && counts.merge(call, 1, Integer::sum) > 1) {
      return; // its operands are evaluated once with it
    }
    for (ExprSpec operand : call.operands()) {
      count(operand, counts);
    }
  }

  public RowExpression compile(ExprSpec spec) {
    if (common.contains(spec)) {
      RowExpression memo = shared.get(spec);
      if (memo == null) {
        memo = memoised(compileOnce(spec));
        shared.put(spec, memo);
      }
      return memo;
    }
    return compileOnce(spec);
  }

  /**
   * Evaluates {@code e} once per row: a row is immutable, and the expressions sharing it are
   * evaluated on one row after the other on one thread, so the last row's value is the value.
   */
  private static RowExpression memoised(RowExpression e) {
    return new RowExpression() {
      private Row last;
      private Object value;

      @Override
      public Object eval(Row row) {
        if (row != last) {
          value = e.eval(row);
          last = row;
        }
        return value;
      }
    };
  }

  private RowExpression compileOnce(ExprSpec spec) {
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
