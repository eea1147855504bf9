package io.weir.examples;

import io.weir.common.functions.ScalarFunction;

/** A ScalarFunction without an eval method: CREATE FUNCTION refuses it. */
public class NoEval extends ScalarFunction {
  public long apply(long v) {
    return v;
  }
}
