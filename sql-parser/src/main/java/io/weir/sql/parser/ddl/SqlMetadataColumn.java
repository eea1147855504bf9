package io.weir.sql.parser.ddl;

import static java.util.Objects.requireNonNull;

import io.weir.sql.parser.type.SqlTypeSpecs;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * {@code name TYPE METADATA [FROM 'key'] [VIRTUAL] [COMMENT '..']}: a column backed by connector
 * metadata (a Kafka record's timestamp, partition, headers...). Without FROM the metadata key is
 * the column name. A VIRTUAL column is read but never written by a sink.
 */
public final class SqlMetadataColumn extends SqlTableColumn {
  private final SqlDataTypeSpec type;
  private final SqlCharStringLiteral metadataKey;
  private final boolean virtual;

  /**
   * @param metadataKey the FROM literal, or null
   * @param comment the comment literal, or null
   */
  public SqlMetadataColumn(SqlParserPos pos, SqlIdentifier name, SqlDataTypeSpec type,
      SqlCharStringLiteral metadataKey, boolean virtual, SqlCharStringLiteral comment) {
    super(pos, name, comment);
    this.type = requireNonNull(type, "type");
    this.metadataKey = metadataKey;
    this.virtual = virtual;
  }

  public SqlDataTypeSpec type() {
    return type;
  }

  /** The key after FROM; empty when the column name is the key. */
  public Optional<String> metadataKey() {
    return Optional.ofNullable(metadataKey).map(k -> k.getValueAs(String.class));
  }

  public boolean virtual() {
    return virtual;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, type, metadataKey,
        SqlLiteral.createBoolean(virtual, SqlParserPos.ZERO), comment);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    name.unparse(writer, 0, 0);
    SqlTypeSpecs.unparse(writer, type);
    writer.keyword("METADATA");
    if (metadataKey != null) {
      writer.keyword("FROM");
      metadataKey.unparse(writer, 0, 0);
    }
    if (virtual) {
      writer.keyword("VIRTUAL");
    }
    unparseComment(writer);
  }
}
