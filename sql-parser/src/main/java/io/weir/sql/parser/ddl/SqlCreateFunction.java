package io.weir.sql.parser.ddl;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code CREATE [TEMPORARY] [SYSTEM] FUNCTION [IF NOT EXISTS] name AS 'class.Name' [LANGUAGE
 * JAVA]}, as in Flink.
 */
public final class SqlCreateFunction extends SqlCreate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE FUNCTION", SqlKind.CREATE_FUNCTION);

  private final SqlIdentifier name;
  private final SqlCharStringLiteral className;
  private final boolean temporary;
  private final boolean system;

  public SqlCreateFunction(SqlParserPos pos, SqlIdentifier name, SqlCharStringLiteral className,
      boolean ifNotExists, boolean temporary, boolean system) {
    super(OPERATOR, pos, false, ifNotExists);
    this.name = requireNonNull(name, "name");
    this.className = requireNonNull(className, "className");
    this.temporary = temporary;
    this.system = system;
  }

  public SqlIdentifier name() {
    return name;
  }

  /** The implementing class's binary name, e.g. {@code com.example.CountChar}. */
  public String className() {
    return className.getValueAs(String.class);
  }

  public boolean ifNotExists() {
    return ifNotExists;
  }

  public boolean temporary() {
    return temporary;
  }

  /** A SYSTEM function is looked up before the built-ins, so it can shadow one. */
  public boolean system() {
    return system;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(name, className);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE");
    if (temporary) {
      writer.keyword("TEMPORARY");
    }
    if (system) {
      writer.keyword("SYSTEM");
    }
    writer.keyword("FUNCTION");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, leftPrec, rightPrec);
    writer.keyword("AS");
    className.unparse(writer, leftPrec, rightPrec);
    writer.keyword("LANGUAGE JAVA");
  }
}
