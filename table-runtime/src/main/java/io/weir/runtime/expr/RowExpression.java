package io.weir.runtime.expr;

import io.weir.common.data.Row;

/**
 * A compiled scalar expression: evaluates against one row and returns an internal value (or
 * {@code null}). Built once per operator by {@link ExpressionCompiler}; the JIT inlines the small
 * closures it is made of.
 */
@FunctionalInterface
public interface RowExpression {
  Object eval(Row row);
}
