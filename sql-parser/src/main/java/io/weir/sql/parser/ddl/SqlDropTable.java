package io.weir.sql.parser.ddl;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code DROP [TEMPORARY] TABLE [IF EXISTS] name}. */
public final class SqlDropTable extends SqlDropObject {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("DROP TABLE", SqlKind.DROP_TABLE);

  public SqlDropTable(SqlParserPos pos, SqlIdentifier name, boolean ifExists, boolean temporary) {
    super(OPERATOR, "TABLE", pos, name, ifExists, temporary);
  }
}
