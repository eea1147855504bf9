package io.weir.examples;

import io.weir.common.functions.ScalarFunction;
import java.time.LocalDateTime;

/** Time types across the UDF boundary: the timestamp one hour later (TIMESTAMP(3) in and out). */
public class Stamp extends ScalarFunction {
  public LocalDateTime eval(LocalDateTime ts) {
    return ts == null ? null : ts.plusHours(1);
  }
}
