package io.weir.sql.parser.dql;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code SHOW CATALOGS}: lists the catalogs: Weir has one, {@code default_catalog}. */
public final class SqlShowCatalogs extends SqlShowAll {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("SHOW CATALOGS", SqlKind.OTHER);

  public SqlShowCatalogs(SqlParserPos pos) {
    super(pos, OPERATOR);
  }
}
