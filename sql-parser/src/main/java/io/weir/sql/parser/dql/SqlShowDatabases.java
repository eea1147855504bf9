package io.weir.sql.parser.dql;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code SHOW DATABASES}: lists the databases of the current catalog: Weir has one, {@code default_database}. */
public final class SqlShowDatabases extends SqlShowAll {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("SHOW DATABASES", SqlKind.OTHER);

  public SqlShowDatabases(SqlParserPos pos) {
    super(pos, OPERATOR);
  }
}
