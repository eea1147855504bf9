package io.weir.sql.parser.dql;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code SHOW VIEWS}: lists the views of the catalog. */
public final class SqlShowViews extends SqlShowAll {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("SHOW VIEWS", SqlKind.OTHER);

  public SqlShowViews(SqlParserPos pos) {
    super(pos, OPERATOR);
  }
}
