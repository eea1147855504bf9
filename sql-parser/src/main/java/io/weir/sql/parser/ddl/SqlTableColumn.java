package io.weir.sql.parser.ddl;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A column of CREATE TABLE: {@link SqlPhysicalColumn} (stored by the connector),
 * {@link SqlComputedColumn} ({@code name AS expr}) or {@link SqlMetadataColumn}
 * ({@code name TYPE METADATA ...}). A primary key, even one declared inline on a column, is
 * kept on {@link SqlCreateTable#primaryKey()}.
 */
public abstract sealed class SqlTableColumn extends SqlCall
    permits SqlPhysicalColumn, SqlComputedColumn, SqlMetadataColumn {
  static final SqlOperator OPERATOR = new SqlSpecialOperator("COLUMN_DECL", SqlKind.COLUMN_DECL);

  final SqlIdentifier name;
  final SqlCharStringLiteral comment;

  SqlTableColumn(SqlParserPos pos, SqlIdentifier name, SqlCharStringLiteral comment) {
    super(pos);
    this.name = requireNonNull(name, "name");
    this.comment = comment;
  }

  /** The column name, a simple identifier. */
  public SqlIdentifier name() {
    return name;
  }

  public Optional<String> comment() {
    return Optional.ofNullable(comment).map(c -> c.getValueAs(String.class));
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  void unparseComment(SqlWriter writer) {
    if (comment != null) {
      writer.keyword("COMMENT");
      comment.unparse(writer, 0, 0);
    }
  }
}
