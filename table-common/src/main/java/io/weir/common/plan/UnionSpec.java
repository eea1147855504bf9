package io.weir.common.plan;

import static java.util.Objects.requireNonNull;

import io.weir.common.types.RowType;

/** {@code UNION ALL}: forwards the rows of every input. Its watermark is the minimum of theirs. */
public record UnionSpec(int inputs, RowType outputType) implements OperatorSpec {
  public UnionSpec {
    requireNonNull(outputType, "outputType");
    if (inputs < 2) {
      throw new IllegalArgumentException("a union needs at least 2 inputs but had " + inputs);
    }
  }

  @Override
  public String explain() {
    return "Union(all=[true], union=[" + String.join(", ", outputType.names()) + "])";
  }
}
