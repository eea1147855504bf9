package io.weir.sql.parser.dql;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code EXPLAIN [PLAN FOR] statement}, where the statement is a query or an INSERT. Weir's own
 * node rather than Calcite's {@code SqlExplain}, whose detail levels and formats Weir does not
 * have; its kind is still {@link SqlKind#EXPLAIN}.
 */
public final class SqlRichExplain extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("EXPLAIN", SqlKind.EXPLAIN);

  private final SqlNode statement;

  public SqlRichExplain(SqlParserPos pos, SqlNode statement) {
    super(pos);
    this.statement = requireNonNull(statement, "statement");
  }

  /** The statement to explain: a query node or a {@code SqlInsert}. */
  public SqlNode statement() {
    return statement;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(statement);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("EXPLAIN PLAN FOR");
    writer.newlineAndIndent();
    statement.unparse(writer, 0, 0);
  }
}
