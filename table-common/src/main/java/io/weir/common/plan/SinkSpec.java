package io.weir.common.plan;

import static java.util.Objects.requireNonNull;

import io.weir.common.types.RowType;
import java.util.Map;
import java.util.TreeMap;

/** Writes rows into a table through its connector ({@code INSERT INTO table …}). */
public record SinkSpec(String table, Map<String, String> options, RowType outputType, java.util.List<Integer> primaryKey)
    implements OperatorSpec {
  /** A sink of a table without primary key. */
  public SinkSpec(String table, Map<String, String> options, RowType outputType) {
    this(table, options, outputType, java.util.List.of());
  }

  /** @param primaryKey the table's primary key, as field indexes of {@code outputType}; may be empty */
  public SinkSpec {
    requireNonNull(table, "table");
    options = new TreeMap<>(requireNonNull(options, "options"));
    requireNonNull(outputType, "outputType");
    primaryKey = java.util.List.copyOf(primaryKey);
  }

  @Override
  public String explain() {
    return "Sink(table=[" + table + "], fields=[" + String.join(", ", outputType.names()) + "])";
  }
}
