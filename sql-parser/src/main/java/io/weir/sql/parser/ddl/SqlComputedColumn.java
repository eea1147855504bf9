package io.weir.sql.parser.ddl;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * {@code name AS expr [COMMENT '..']}: a column computed from the other columns of the row,
 * e.g. {@code ts AS TO_TIMESTAMP(ts_string)}. Its type is the expression's.
 */
public final class SqlComputedColumn extends SqlTableColumn {
  private final SqlNode expression;

  /** @param comment the comment literal, or null */
  public SqlComputedColumn(SqlParserPos pos, SqlIdentifier name, SqlNode expression,
      SqlCharStringLiteral comment) {
    super(pos, name, comment);
    this.expression = requireNonNull(expression, "expression");
  }

  public SqlNode expression() {
    return expression;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, expression, comment);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    name.unparse(writer, 0, 0);
    writer.keyword("AS");
    expression.unparse(writer, 0, 0);
    unparseComment(writer);
  }
}
