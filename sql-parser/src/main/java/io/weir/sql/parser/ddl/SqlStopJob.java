package io.weir.sql.parser.ddl;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code STOP JOB 'id' [WITH SAVEPOINT]}. */
public final class SqlStopJob extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("STOP JOB", SqlKind.OTHER);

  private final SqlCharStringLiteral jobId;
  private final boolean withSavepoint;

  public SqlStopJob(SqlParserPos pos, SqlCharStringLiteral jobId, boolean withSavepoint) {
    super(pos);
    this.jobId = requireNonNull(jobId, "jobId");
    this.withSavepoint = withSavepoint;
  }

  public String jobId() {
    return jobId.getValueAs(String.class);
  }

  /** Whether to take a savepoint before stopping. */
  public boolean withSavepoint() {
    return withSavepoint;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(jobId);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("STOP JOB");
    jobId.unparse(writer, 0, 0);
    if (withSavepoint) {
      writer.keyword("WITH SAVEPOINT");
    }
  }
}
