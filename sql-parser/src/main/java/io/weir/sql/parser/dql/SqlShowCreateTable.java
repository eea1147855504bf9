package io.weir.sql.parser.dql;

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

/** {@code SHOW CREATE TABLE name}: prints the DDL that creates the table. */
public final class SqlShowCreateTable extends SqlCall {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("SHOW CREATE TABLE", SqlKind.OTHER);

  private final SqlIdentifier name;

  public SqlShowCreateTable(SqlParserPos pos, SqlIdentifier name) {
    super(pos);
    this.name = requireNonNull(name, "name");
  }

  /** The table name, possibly qualified. */
  public SqlIdentifier name() {
    return name;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(name);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("SHOW CREATE TABLE");
    name.unparse(writer, leftPrec, rightPrec);
  }
}
