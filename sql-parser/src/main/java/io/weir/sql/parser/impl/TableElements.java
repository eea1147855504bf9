package io.weir.sql.parser.impl;

import io.weir.sql.parser.ddl.SqlTableColumn;
import io.weir.sql.parser.ddl.SqlWatermark;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.Span;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Collects the items between the parentheses of CREATE TABLE while they are parsed, and rejects
 * what can only be declared once (a column name, the watermark, the primary key) at the position
 * of the second declaration.
 */
final class TableElements {
  private final List<SqlNode> columns = new ArrayList<>();
  private final Set<String> columnNames = new HashSet<>();
  private SqlWatermark watermark;
  private SqlNodeList primaryKey = SqlNodeList.EMPTY;

  void addColumn(SqlTableColumn column) {
    SqlIdentifier name = column.name();
    if (!columnNames.add(name.getSimple())) {
      throw ParserSupport.error(name.getParserPosition(),
          "column `" + name.getSimple() + "` is declared more than once");
    }
    columns.add(column);
  }

  void setWatermark(SqlWatermark watermark) {
    if (this.watermark != null) {
      throw ParserSupport.error(watermark.getParserPosition(),
          "a table can have only one WATERMARK, but a second one was declared");
    }
    this.watermark = watermark;
  }

  /** Sets the primary key, declared inline on a column or as a table constraint at {@code pos}. */
  void setPrimaryKey(SqlNodeList keys, SqlParserPos pos) {
    if (!primaryKey.isEmpty()) {
      throw ParserSupport.error(pos,
          "a table can have only one PRIMARY KEY, but a second one was declared");
    }
    Set<String> names = new HashSet<>();
    for (SqlNode key : keys) {
      SqlIdentifier name = (SqlIdentifier) key;
      if (!names.add(name.getSimple())) {
        throw ParserSupport.error(name.getParserPosition(),
            "column `" + name.getSimple() + "` appears more than once in the PRIMARY KEY");
      }
    }
    primaryKey = keys;
  }

  SqlNodeList columns() {
    return new SqlNodeList(columns, Span.of(columns).pos());
  }

  /** The watermark, or null if none was declared. */
  SqlWatermark watermark() {
    return watermark;
  }

  /** The primary key columns; empty if there is no primary key. */
  SqlNodeList primaryKey() {
    return primaryKey;
  }
}
