package io.weir.sql.parser.ddl;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code DROP [TEMPORARY] [SYSTEM] FUNCTION [IF EXISTS] name}. */
public final class SqlDropFunction extends SqlDropObject {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("DROP FUNCTION", SqlKind.DROP_FUNCTION);

  private final boolean system;

  public SqlDropFunction(SqlParserPos pos, SqlIdentifier name, boolean ifExists, boolean temporary,
      boolean system) {
    super(OPERATOR, system ? "SYSTEM FUNCTION" : "FUNCTION", pos, name, ifExists, temporary);
    this.system = system;
  }

  public boolean system() {
    return system;
  }
}
