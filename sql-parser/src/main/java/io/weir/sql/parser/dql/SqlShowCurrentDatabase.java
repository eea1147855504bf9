package io.weir.sql.parser.dql;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code SHOW CURRENT DATABASE}: names the current database (Flink's JDBC driver asks it for {@code getSchema()}). */
public final class SqlShowCurrentDatabase extends SqlShowAll {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("SHOW CURRENT DATABASE", SqlKind.OTHER);

  public SqlShowCurrentDatabase(SqlParserPos pos) {
    super(pos, OPERATOR);
  }
}
