package io.weir.planner.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Rewrites Flink's {@code SESSION(TABLE t PARTITION BY k, DESCRIPTOR(ts), gap)} into Calcite's
 * form {@code SESSION(TABLE t, DESCRIPTOR(ts), DESCRIPTOR(k), gap)} before validation: Calcite
 * turns a partitioned table argument into a correlated plan no stream operator can run, while its
 * own key descriptor says the same thing plainly.
 */
public final class SessionPartitioning {
  private SessionPartitioning() {}

  public static SqlNode rewrite(SqlNode node) {
    return node.accept(new SqlShuttle() {
      @Override
      public SqlNode visit(SqlCall call) {
        SqlCall visited = (SqlCall) super.visit(call);
        if (visited == null || !visited.getOperator().getName().equalsIgnoreCase("SESSION")
            || visited.operandCount() < 3 || visited.operand(0) == null
            || visited.operand(0).getKind() != SqlKind.SET_SEMANTICS_TABLE) {
          return visited;
        }
        SqlCall partitioned = visited.operand(0);
        SqlNodeList keys = partitioned.operand(1);
        List<SqlNode> operands = new ArrayList<>();
        operands.add(partitioned.operand(0));
        operands.add(visited.operand(1));
        operands.add(SqlStdOperatorTable.DESCRIPTOR.createCall(keys.getParserPosition(), keys.getList()));
        operands.addAll(visited.getOperandList().subList(2, visited.operandCount()));
        return visited.getOperator().createCall(visited.getFunctionQuantifier(), visited.getParserPosition(), operands);
      }
    });
  }
}
