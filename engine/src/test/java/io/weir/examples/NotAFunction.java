package io.weir.examples;

/** Has an eval but does not extend ScalarFunction: CREATE FUNCTION refuses it. */
public class NotAFunction {
  public long eval(long v) {
    return v;
  }
}
