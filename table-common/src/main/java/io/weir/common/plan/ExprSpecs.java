package io.weir.common.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntUnaryOperator;

/** Operations over {@link ExprSpec} trees. */
public final class ExprSpecs {
  private ExprSpecs() {}

  /** The expression with every input index {@code i} replaced by {@code mapping(i)}. */
  public static ExprSpec remap(ExprSpec expr, IntUnaryOperator mapping) {
    if (expr instanceof ExprSpec.InputRef ref) {
      int to = mapping.applyAsInt(ref.index());
      if (to < 0) {
        throw new IllegalArgumentException("input field " + ref.index() + " is not available after remapping");
      }
      return new ExprSpec.InputRef(to, ref.type());
    }
    if (expr instanceof ExprSpec.Call call) {
      List<ExprSpec> operands = new ArrayList<>(call.operands().size());
      for (ExprSpec o : call.operands()) {
        operands.add(remap(o, mapping));
      }
      return new ExprSpec.Call(call.function(), operands, call.type());
    }
    return expr;
  }

  /** Adds the input indexes {@code expr} reads to {@code into}. */
  public static void collectInputs(ExprSpec expr, Set<Integer> into) {
    if (expr instanceof ExprSpec.InputRef ref) {
      into.add(ref.index());
    } else if (expr instanceof ExprSpec.Call call) {
      for (ExprSpec o : call.operands()) {
        collectInputs(o, into);
      }
    }
  }
}
