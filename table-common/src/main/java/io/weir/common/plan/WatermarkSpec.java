package io.weir.common.plan;

import static java.util.Objects.requireNonNull;

/**
 * {@code WATERMARK FOR rowtime AS expr}: the column holding event time and the expression, over the
 * same row, whose value is the watermark a row allows. Evaluated per source split.
 */
public record WatermarkSpec(int rowtimeIndex, ExprSpec expression) {
  public WatermarkSpec {
    requireNonNull(expression, "expression");
    if (rowtimeIndex < 0) {
      throw new IllegalArgumentException("rowtimeIndex must be >= 0 but was " + rowtimeIndex);
    }
  }
}
