package io.weir.examples;

import io.weir.common.functions.ScalarFunction;

/** The docs' example of overloads: {@code clamp(v, lo, hi)} for whole and for double numbers. */
public class Clamp extends ScalarFunction {
  public long eval(long v, long lo, long hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  public double eval(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
