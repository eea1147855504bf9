package io.weir.sql.parser.dql;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code SHOW TABLES}: lists the tables of the catalog. */
public final class SqlShowTables extends SqlShowAll {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("SHOW TABLES", SqlKind.OTHER);

  public SqlShowTables(SqlParserPos pos) {
    super(pos, OPERATOR);
  }
}
