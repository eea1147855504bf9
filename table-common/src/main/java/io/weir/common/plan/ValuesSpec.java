package io.weir.common.plan;

import static java.util.Objects.requireNonNull;

import io.weir.common.types.RowType;
import java.util.List;
import java.util.stream.Collectors;

/** A bounded source of constant rows ({@code VALUES (1, 'a'), (2, 'b')}), values in internal form. */
public record ValuesSpec(List<List<Object>> rows, RowType outputType) implements OperatorSpec {
  public ValuesSpec {
    requireNonNull(outputType, "outputType");
    rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
    for (List<Object> r : rows) {
      if (r.size() != outputType.arity()) {
        throw new IllegalArgumentException("row " + r + " does not match " + outputType);
      }
    }
  }

  @Override
  public boolean isSource() {
    return true;
  }

  @Override
  public String explain() {
    return "Values(tuples=["
        + rows.stream()
            .map(r -> r.stream().map(String::valueOf).collect(Collectors.joining(", ", "{ ", " }")))
            .collect(Collectors.joining(", "))
        + "])";
  }
}
