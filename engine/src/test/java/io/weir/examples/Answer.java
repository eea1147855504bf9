package io.weir.examples;

import io.weir.common.functions.ScalarFunction;

/** A function of no arguments: {@code answer()} is 42. */
public class Answer extends ScalarFunction {
  public int eval() {
    return 42;
  }
}
