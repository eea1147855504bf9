package io.weir.sql.parser.dql;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** A {@code SHOW <things>} statement without operands; subclasses name what is listed. */
abstract class SqlShowAll extends SqlCall {
  private final SqlOperator operator;

  SqlShowAll(SqlParserPos pos, SqlOperator operator) {
    super(pos);
    this.operator = operator;
  }

  @Override public SqlOperator getOperator() {
    return operator;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of();
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(operator.getName());
  }
}
