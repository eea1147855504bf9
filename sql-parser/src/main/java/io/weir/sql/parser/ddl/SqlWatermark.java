package io.weir.sql.parser.ddl;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code WATERMARK FOR col AS expr}: {@code col} is the event-time column; {@code expr}, over the
 * row's columns, gives the watermark a row implies, e.g. {@code ts - INTERVAL '5' SECOND} for
 * rows at most five seconds out of order.
 */
public final class SqlWatermark extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("WATERMARK", SqlKind.OTHER);

  private final SqlIdentifier eventTimeColumn;
  private final SqlNode expression;

  public SqlWatermark(SqlParserPos pos, SqlIdentifier eventTimeColumn, SqlNode expression) {
    super(pos);
    this.eventTimeColumn = requireNonNull(eventTimeColumn, "eventTimeColumn");
    this.expression = requireNonNull(expression, "expression");
  }

  public SqlIdentifier eventTimeColumn() {
    return eventTimeColumn;
  }

  public SqlNode expression() {
    return expression;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(eventTimeColumn, expression);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("WATERMARK FOR");
    eventTimeColumn.unparse(writer, 0, 0);
    writer.keyword("AS");
    expression.unparse(writer, 0, 0);
  }
}
