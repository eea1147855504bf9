package io.weir.common.plan;

import static java.util.Objects.requireNonNull;

/** Rows from node {@code from} into input number {@code input} of node {@code to}. */
public record EdgeSpec(int from, int to, int input, Partitioning partitioning) {
  public EdgeSpec {
    requireNonNull(partitioning, "partitioning");
    if (input < 0) {
      throw new IllegalArgumentException("input must be >= 0 but was " + input);
    }
  }
}
