package io.weir.common.plan;

import static java.util.Objects.requireNonNull;

import io.weir.common.types.RowType;
import java.util.Map;
import java.util.TreeMap;

/** Writes rows into a table through its connector ({@code INSERT INTO table …}). */
public record SinkSpec(String table, Map<String, String> options, RowType outputType)
    implements OperatorSpec {
  public SinkSpec {
    requireNonNull(table, "table");
    options = new TreeMap<>(requireNonNull(options, "options"));
    requireNonNull(outputType, "outputType");
  }

  @Override
  public String explain() {
    return "Sink(table=[" + table + "], fields=[" + String.join(", ", outputType.names()) + "])";
  }
}
