package io.weir.common.plan;

import static java.util.Objects.requireNonNull;

import io.weir.common.types.RowType;

/**
 * Hands a query's changelog to the client that asked for it (the shell, a REST caller). The
 * engine registers a consumer under {@code resultId} before the job starts.
 */
public record CollectSpec(String resultId, RowType outputType) implements OperatorSpec {
  public CollectSpec {
    requireNonNull(resultId, "resultId");
    requireNonNull(outputType, "outputType");
  }

  @Override
  public String explain() {
    return "Collect(fields=[" + String.join(", ", outputType.names()) + "])";
  }
}
