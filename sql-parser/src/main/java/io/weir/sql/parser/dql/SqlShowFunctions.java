package io.weir.sql.parser.dql;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code SHOW FUNCTIONS}: lists the functions a query may call. */
public final class SqlShowFunctions extends SqlShowAll {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("SHOW FUNCTIONS", SqlKind.OTHER);

  public SqlShowFunctions(SqlParserPos pos) {
    super(pos, OPERATOR);
  }
}
