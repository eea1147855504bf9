package io.weir.sql.parser.ddl;

import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/** {@code RESET 'key'} resets one session option to its default; a bare {@code RESET}, all. */
public final class SqlReset extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("RESET", SqlKind.OTHER);

  private final SqlCharStringLiteral key;

  /** @param key the option's key, or null to reset all options */
  public SqlReset(SqlParserPos pos, SqlCharStringLiteral key) {
    super(pos);
    this.key = key;
  }

  /** The option's key; empty to reset all options. */
  public Optional<String> key() {
    return Optional.ofNullable(key).map(k -> k.getValueAs(String.class));
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(key);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("RESET");
    if (key != null) {
      key.unparse(writer, 0, 0);
    }
  }
}
