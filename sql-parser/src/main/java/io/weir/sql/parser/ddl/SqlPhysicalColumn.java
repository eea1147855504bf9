package io.weir.sql.parser.ddl;

import static java.util.Objects.requireNonNull;

import io.weir.sql.parser.type.SqlTypeSpecs;
import java.util.List;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/** {@code name TYPE [NOT NULL] [COMMENT '..']}: a column the connector reads and writes. */
public final class SqlPhysicalColumn extends SqlTableColumn {
  private final SqlDataTypeSpec type;

  /** @param comment the comment literal, or null */
  public SqlPhysicalColumn(SqlParserPos pos, SqlIdentifier name, SqlDataTypeSpec type,
      SqlCharStringLiteral comment) {
    super(pos, name, comment);
    this.type = requireNonNull(type, "type");
  }

  /** The declared type; {@code getNullable()} is FALSE for NOT NULL, TRUE otherwise. */
  public SqlDataTypeSpec type() {
    return type;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, type, comment);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    name.unparse(writer, 0, 0);
    SqlTypeSpecs.unparse(writer, type);
    unparseComment(writer);
  }
}
