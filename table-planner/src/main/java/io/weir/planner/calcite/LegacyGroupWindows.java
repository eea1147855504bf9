package io.weir.planner.calcite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Rewrites the legacy group windows ({@code GROUP BY TUMBLE(ts, INTERVAL …)} with {@code
 * TUMBLE_START}, {@code _END}, {@code _ROWTIME}…) into the window table functions Flink's current
 * syntax uses, before validation: {@code FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), …)) … GROUP BY
 * window_start, window_end}, with the auxiliary functions becoming the window columns. One planning
 * path then serves both syntaxes, and {@code SESSION_END} gets the session's real end (Calcite's own
 * conversion of the legacy syntax maps it to the start).
 *
 * <p>Applies where the grouped query reads a table or view by name; anything else keeps Calcite's
 * conversion.
 */
public final class LegacyGroupWindows {
  private LegacyGroupWindows() {}

  private static final List<String> GROUP_FUNCTIONS = List.of("TUMBLE", "HOP", "SESSION");

  /** Rewrites every grouped query in {@code node} that uses a legacy group window; returns it. */
  public static SqlNode rewrite(SqlNode node) {
    if (node instanceof SqlSelect select) {
      rewriteSelect(select);
      if (select.getFrom() != null) {
        select.setFrom(rewrite(select.getFrom()));
      }
    } else if (node instanceof SqlOrderBy orderBy) {
      rewrite(orderBy.query);
    } else if (node instanceof SqlWith with) {
      for (SqlNode item : with.withList) {
        rewrite(((SqlWithItem) item).query);
      }
      rewrite(with.body);
    } else if (node instanceof SqlCall call) {
      for (SqlNode operand : call.getOperandList()) {
        if (operand != null) {
          rewrite(operand);
        }
      }
    }
    return node;
  }

  private static void rewriteSelect(SqlSelect select) {
    SqlNodeList groupBy = select.getGroup();
    if (groupBy == null) {
      return;
    }
    SqlCall window = null;
    int windowIndex = -1;
    for (int i = 0; i < groupBy.size(); i++) {
      if (groupBy.get(i) instanceof SqlCall call && GROUP_FUNCTIONS.contains(name(call))
          && call.operandCount() >= 2 && call.operand(0) instanceof SqlIdentifier) {
        window = call;
        windowIndex = i;
      }
    }
    if (window == null) {
      return;
    }
    SqlNode from = select.getFrom();
    SqlIdentifier table;
    SqlIdentifier alias = null;
    if (from instanceof SqlIdentifier id) {
      table = id;
    } else if (from instanceof SqlBasicCall as && as.getKind() == SqlKind.AS && as.operand(0) instanceof SqlIdentifier id
        && as.operandCount() == 2) {
      table = id;
      alias = (SqlIdentifier) as.operand(1);
    } else {
      return;
    }
    SqlParserPos pos = window.getParserPosition();
    SqlIdentifier time = (SqlIdentifier) window.operand(0);
    List<SqlNode> operands = new ArrayList<>();
    operands.add(SqlStdOperatorTable.EXPLICIT_TABLE.createCall(table.getParserPosition(), table));
    operands.add(SqlStdOperatorTable.DESCRIPTOR.createCall(time.getParserPosition(),
        new SqlIdentifier(time.names.get(time.names.size() - 1), time.getParserPosition())));
    operands.addAll(window.getOperandList().subList(1, window.operandCount()));
    SqlCall tvf = switch (name(window)) {
      case "TUMBLE" -> WindowTableFunctions.TUMBLE.createCall(pos, operands);
      case "HOP" -> WindowTableFunctions.HOP.createCall(pos, operands);
      default -> WindowTableFunctions.SESSION.createCall(pos, operands);
    };
    SqlNode newFrom = SqlStdOperatorTable.COLLECTION_TABLE.createCall(pos, tvf);
    if (alias != null) {
      newFrom = SqlStdOperatorTable.AS.createCall(from.getParserPosition(), newFrom, alias);
    }
    select.setFrom(newFrom);
    List<SqlNode> keys = new ArrayList<>(groupBy.getList());
    keys.remove(windowIndex);
    keys.add(new SqlIdentifier("window_start", pos));
    keys.add(new SqlIdentifier("window_end", pos));
    // _ROWTIME reads window_time; grouping by it too changes nothing (it follows from the window).
    keys.add(new SqlIdentifier("window_time", pos));
    select.setGroupBy(new SqlNodeList(keys, groupBy.getParserPosition()));
    String prefix = name(window) + "_";
    SqlShuttle auxiliaries = new SqlShuttle() {
      @Override
      public SqlNode visit(SqlCall call) {
        String n = name(call);
        if (n.startsWith(prefix)) {
          String column = switch (n.substring(prefix.length())) {
            case "START" -> "window_start";
            case "END" -> "window_end";
            case "ROWTIME", "PROCTIME" -> "window_time";
            default -> null;
          };
          if (column != null) {
            return new SqlIdentifier(column, call.getParserPosition());
          }
        }
        return super.visit(call);
      }
    };
    select.setSelectList((SqlNodeList) select.getSelectList().accept(auxiliaries));
    if (select.getHaving() != null) {
      select.setHaving(select.getHaving().accept(auxiliaries));
    }
  }

  /** The operator's name; Calcite names its legacy group functions {@code $TUMBLE}, {@code $HOP}… */
  private static String name(SqlCall call) {
    String n = call.getOperator().getName().toUpperCase(Locale.ROOT);
    return n.startsWith("$") ? n.substring(1) : n;
  }
}
