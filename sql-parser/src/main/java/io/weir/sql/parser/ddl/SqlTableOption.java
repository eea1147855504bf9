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

/** One {@code 'key' = 'value'} of a WITH clause; its position lets errors point at the option. */
public final class SqlTableOption extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("OPTION", SqlKind.OTHER);

  private final SqlCharStringLiteral key;
  private final SqlCharStringLiteral value;

  public SqlTableOption(SqlParserPos pos, SqlCharStringLiteral key, SqlCharStringLiteral value) {
    super(pos);
    this.key = requireNonNull(key, "key");
    this.value = requireNonNull(value, "value");
  }

  public String key() {
    return key.getValueAs(String.class);
  }

  public String value() {
    return value.getValueAs(String.class);
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(key, value);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    key.unparse(writer, leftPrec, rightPrec);
    writer.keyword("=");
    value.unparse(writer, leftPrec, rightPrec);
  }
}
