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

/**
 * {@code SET 'key' = 'value'} sets a session option; a bare {@code SET} lists them.
 * (Not Calcite's {@code SqlSetOption}: Weir's keys and values are always string literals.)
 */
public final class SqlSet extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("SET", SqlKind.OTHER);

  private final SqlCharStringLiteral key;
  private final SqlCharStringLiteral value;

  /** @param key and {@code value}: both null (list the options) or both given */
  public SqlSet(SqlParserPos pos, SqlCharStringLiteral key, SqlCharStringLiteral value) {
    super(pos);
    if ((key == null) != (value == null)) {
      throw new IllegalArgumentException(
          "key and value must both be given or both be null, but were " + key + ", " + value);
    }
    this.key = key;
    this.value = value;
  }

  /** The option's key; empty for a bare SET, which lists the options. */
  public Optional<String> key() {
    return Optional.ofNullable(key).map(k -> k.getValueAs(String.class));
  }

  /** The option's value; empty exactly when {@link #key()} is. */
  public Optional<String> value() {
    return Optional.ofNullable(value).map(v -> v.getValueAs(String.class));
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(key, value);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("SET");
    if (key != null) {
      key.unparse(writer, 0, 0);
      writer.keyword("=");
      value.unparse(writer, 0, 0);
    }
  }
}
