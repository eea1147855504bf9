package io.weir.sql.parser.ddl;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/** {@code CREATE [TEMPORARY] VIEW [IF NOT EXISTS] name [(col, ...)] [COMMENT '..'] AS query}. */
public final class SqlCreateView extends SqlCreate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE VIEW", SqlKind.CREATE_VIEW);

  private final SqlIdentifier name;
  private final boolean temporary;
  private final SqlNodeList fieldList;
  private final SqlCharStringLiteral comment;
  private final SqlNode query;

  /**
   * @param fieldList the column names given after the view name, or null
   * @param comment the comment literal, or null
   */
  public SqlCreateView(SqlParserPos pos, SqlIdentifier name, boolean ifNotExists,
      boolean temporary, SqlNodeList fieldList, SqlCharStringLiteral comment, SqlNode query) {
    super(OPERATOR, pos, false, ifNotExists);
    this.name = requireNonNull(name, "name");
    this.temporary = temporary;
    this.fieldList = fieldList == null ? SqlNodeList.EMPTY : fieldList;
    this.comment = comment;
    this.query = requireNonNull(query, "query");
  }

  public SqlIdentifier name() {
    return name;
  }

  public boolean ifNotExists() {
    return ifNotExists;
  }

  public boolean temporary() {
    return temporary;
  }

  /** The column names given after the view name (identifiers); empty when none were given. */
  public SqlNodeList fieldList() {
    return fieldList;
  }

  /** {@link #fieldList()} as names. */
  public List<String> fieldNames() {
    List<String> names = new ArrayList<>(fieldList.size());
    for (SqlNode field : fieldList) {
      names.add(((SqlIdentifier) field).getSimple());
    }
    return Collections.unmodifiableList(names);
  }

  public Optional<String> comment() {
    return Optional.ofNullable(comment).map(c -> c.getValueAs(String.class));
  }

  /** The query: a SELECT, VALUES, set operation, WITH or ORDER BY node. */
  public SqlNode query() {
    return query;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, fieldList, comment, query);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE");
    if (temporary) {
      writer.keyword("TEMPORARY");
    }
    writer.keyword("VIEW");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, leftPrec, rightPrec);
    if (!fieldList.isEmpty()) {
      DdlUnparse.identifierList(writer, fieldList);
    }
    if (comment != null) {
      writer.keyword("COMMENT");
      comment.unparse(writer, 0, 0);
    }
    writer.keyword("AS");
    writer.newlineAndIndent();
    query.unparse(writer, 0, 0);
  }
}
