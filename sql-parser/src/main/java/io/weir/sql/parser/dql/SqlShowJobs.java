package io.weir.sql.parser.dql;

import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code SHOW JOBS}: lists the jobs of the engine, running or finished. */
public final class SqlShowJobs extends SqlShowAll {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("SHOW JOBS", SqlKind.OTHER);

  public SqlShowJobs(SqlParserPos pos) {
    super(pos, OPERATOR);
  }
}
