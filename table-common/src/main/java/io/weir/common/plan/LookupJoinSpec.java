package io.weir.common.plan;

import static java.util.Objects.requireNonNull;

import io.weir.common.types.RowType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A lookup join: {@code left JOIN t FOR SYSTEM_TIME AS OF left.proc_time ON left.k = t.k}. Each
 * left row looks the table up by key through its connector, as the table is when the row arrives,
 * and is emitted joined with every match (LEFT: padded when there is none). Stateless; the
 * connector may cache. Output: left fields, then the table's physical fields.
 */
public record LookupJoinSpec(
    JoinType joinType,
    List<Integer> leftKeys,
    List<Integer> tableKeys,
    ExprSpec condition,
    String table,
    Map<String, String> options,
    RowType tableType,
    RowType leftType,
    RowType outputType)
    implements OperatorSpec {

  public LookupJoinSpec {
    requireNonNull(joinType, "joinType");
    if (joinType != JoinType.INNER && joinType != JoinType.LEFT) {
      throw new IllegalArgumentException("a lookup join is INNER or LEFT, not " + joinType);
    }
    leftKeys = List.copyOf(leftKeys);
    tableKeys = List.copyOf(tableKeys);
    requireNonNull(table, "table");
    options = new TreeMap<>(options);
    requireNonNull(tableType, "tableType");
    requireNonNull(leftType, "leftType");
    requireNonNull(outputType, "outputType");
  }

  @Override
  public String explain() {
    return "LookupJoin(table=[" + table + "], joinType=[" + joinType + "], lookup=["
        + String.join(", ", tableKeys.stream().map(tableType::name).toList()) + "], select=["
        + String.join(", ", outputType.names()) + "])";
  }
}
