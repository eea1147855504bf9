package io.weir.runtime.expr;

import io.weir.common.data.Row;

/** A compiled condition: SQL's three-valued logic folded to "keep the row" (TRUE) or not. */
@FunctionalInterface
public interface RowPredicate {
  boolean test(Row row);

  static RowPredicate of(RowExpression condition) {
    return row -> condition.eval(row) == Boolean.TRUE;
  }
}
