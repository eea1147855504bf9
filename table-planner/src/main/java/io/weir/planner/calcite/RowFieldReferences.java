package io.weir.planner.calcite;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Lets {@code person.id} name field {@code id} of ROW column {@code person}, as Flink does, where
 * Calcite reads it as column {@code id} of a table {@code person}: before validation, in a query
 * over one table, a compound identifier whose first part is a column of that table (and not the
 * table's name or alias) is qualified with the table, {@code t.person.id}. Nexmark's DDL and views
 * are written this way.
 */
public final class RowFieldReferences {
  private RowFieldReferences() {}

  /**
   * Qualifies row-field references in every single-table SELECT of {@code node}.
   *
   * @param columnsOf the column names of a table or view by name, or null when unknown
   */
  public static SqlNode qualify(SqlNode node, Function<String, List<String>> columnsOf) {
    if (node instanceof SqlSelect select) {
      qualifySelect(select, columnsOf);
    }
    if (node instanceof SqlCall call) {
      for (SqlNode operand : call.getOperandList()) {
        if (operand != null) {
          qualify(operand, columnsOf);
        }
      }
    }
    return node;
  }

  private static void qualifySelect(SqlSelect select, Function<String, List<String>> columnsOf) {
    SqlNode from = select.getFrom();
    String table;
    String qualifier;
    if (from instanceof SqlIdentifier id && id.isSimple()) {
      table = id.getSimple();
      qualifier = table;
    } else if (from instanceof SqlBasicCall as && as.getKind() == SqlKind.AS && as.operand(0) instanceof SqlIdentifier id
        && id.isSimple()) {
      table = id.getSimple();
      qualifier = ((SqlIdentifier) as.operand(1)).getSimple();
    } else {
      return;
    }
    List<String> columns = columnsOf.apply(table);
    if (columns == null) {
      return;
    }
    SqlShuttle shuttle = new SqlShuttle() {
      @Override
      public SqlNode visit(SqlIdentifier id) {
        if (id.names.size() >= 2 && !id.names.get(0).equals(qualifier) && columns.contains(id.names.get(0))) {
          List<String> names = new ArrayList<>();
          names.add(qualifier);
          names.addAll(id.names);
          return new SqlIdentifier(names, id.getParserPosition());
        }
        return id;
      }

      @Override
      public SqlNode visit(SqlCall call) {
        // Subqueries have scopes of their own; qualify() visits them separately.
        return call instanceof SqlSelect ? call : super.visit(call);
      }
    };
    select.setSelectList((SqlNodeList) select.getSelectList().accept(shuttle));
    if (select.getWhere() != null) {
      select.setWhere(select.getWhere().accept(shuttle));
    }
    if (select.getGroup() != null) {
      select.setGroupBy((SqlNodeList) select.getGroup().accept(shuttle));
    }
    if (select.getHaving() != null) {
      select.setHaving(select.getHaving().accept(shuttle));
    }
  }
}
