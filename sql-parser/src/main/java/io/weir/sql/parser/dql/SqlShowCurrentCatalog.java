package io.weir.sql.parser.dql;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code SHOW CURRENT CATALOG}: names the current catalog (Flink's JDBC driver asks it for {@code getCatalog()}). */
public final class SqlShowCurrentCatalog extends SqlShowAll {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("SHOW CURRENT CATALOG", SqlKind.OTHER);

  public SqlShowCurrentCatalog(SqlParserPos pos) {
    super(pos, OPERATOR);
  }
}
