package io.weir.sql.parser.ddl;

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

/**
 * {@code USE CATALOG c} or {@code USE [c.]d}: Flink's statements to switch catalog or database
 * (Flink's JDBC driver sends them for {@code setCatalog} / {@code setSchema}).
 */
public final class SqlUse extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("USE", SqlKind.OTHER);

  private final boolean catalog;
  private final SqlIdentifier name;

  public SqlUse(SqlParserPos pos, boolean catalog, SqlIdentifier name) {
    super(pos);
    this.catalog = catalog;
    this.name = requireNonNull(name, "name");
  }

  /** True for {@code USE CATALOG}, false for {@code USE database}. */
  public boolean catalog() {
    return catalog;
  }

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
    writer.keyword(catalog ? "USE CATALOG" : "USE");
    name.unparse(writer, 0, 0);
  }
}
