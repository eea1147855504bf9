package io.weir.sql.parser.ddl;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlDrop;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code DROP [TEMPORARY] <kind> [IF EXISTS] name}: what dropping a table and a view share. */
public abstract class SqlDropObject extends SqlDrop {
  private final String kind;
  private final SqlIdentifier name;
  private final boolean temporary;

  SqlDropObject(SqlOperator operator, String kind, SqlParserPos pos, SqlIdentifier name, boolean ifExists,
      boolean temporary) {
    super(operator, pos, ifExists);
    this.kind = kind;
    this.name = requireNonNull(name, "name");
    this.temporary = temporary;
  }

  /** The name, possibly qualified. */
  public SqlIdentifier name() {
    return name;
  }

  public boolean ifExists() {
    return ifExists;
  }

  public boolean temporary() {
    return temporary;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(name);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("DROP");
    if (temporary) {
      writer.keyword("TEMPORARY");
    }
    writer.keyword(kind);
    if (ifExists) {
      writer.keyword("IF EXISTS");
    }
    name.unparse(writer, leftPrec, rightPrec);
  }
}
