package io.weir.sql.parser.ddl;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/**
 * {@code CREATE [TEMPORARY] TABLE [IF NOT EXISTS] name (columns [, WATERMARK ...]
 * [, PRIMARY KEY (..) NOT ENFORCED]) [COMMENT '..'] [PARTITIONED BY (..)] [WITH (..)]}.
 *
 * <p>Unparses to SQL that Weir parses back to an equal statement (a primary key declared inline
 * on a column comes back as a table constraint), which is what SHOW CREATE TABLE prints.
 */
public final class SqlCreateTable extends SqlCreate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE TABLE", SqlKind.CREATE_TABLE);

  private final SqlIdentifier name;
  private final boolean temporary;
  private final SqlNodeList columns;
  private final SqlWatermark watermark;
  private final SqlNodeList primaryKey;
  private final SqlCharStringLiteral comment;
  private final SqlNodeList partitionKeys;
  private final SqlNodeList options;

  /**
   * @param columns {@link SqlTableColumn}s
   * @param watermark the watermark, or null
   * @param primaryKey the primary key's column identifiers; empty for none
   * @param comment the comment literal, or null
   * @param partitionKeys the PARTITIONED BY identifiers; empty for none
   * @param options {@link SqlTableOption}s; keys are distinct
   */
  public SqlCreateTable(SqlParserPos pos, SqlIdentifier name, boolean ifNotExists,
      boolean temporary, SqlNodeList columns, SqlWatermark watermark, SqlNodeList primaryKey,
      SqlCharStringLiteral comment, SqlNodeList partitionKeys, SqlNodeList options) {
    super(OPERATOR, pos, false, ifNotExists);
    this.name = requireNonNull(name, "name");
    this.temporary = temporary;
    this.columns = requireNonNull(columns, "columns");
    this.watermark = watermark;
    this.primaryKey = requireNonNull(primaryKey, "primaryKey");
    this.comment = comment;
    this.partitionKeys = requireNonNull(partitionKeys, "partitionKeys");
    this.options = requireNonNull(options, "options");
  }

  /** The table name, possibly qualified ({@code db.t}). */
  public SqlIdentifier name() {
    return name;
  }

  public boolean ifNotExists() {
    return ifNotExists;
  }

  public boolean temporary() {
    return temporary;
  }

  /** The columns in declaration order. */
  public List<SqlTableColumn> columns() {
    List<SqlTableColumn> list = new ArrayList<>(columns.size());
    for (SqlNode column : columns) {
      list.add((SqlTableColumn) column);
    }
    return Collections.unmodifiableList(list);
  }

  public Optional<SqlWatermark> watermark() {
    return Optional.ofNullable(watermark);
  }

  /** The primary key's column names, declared inline or as a table constraint; empty if none. */
  public List<String> primaryKey() {
    return names(primaryKey);
  }

  /** The primary key's column identifiers, for error positions; empty if none. */
  public SqlNodeList primaryKeyList() {
    return primaryKey;
  }

  public Optional<String> comment() {
    return Optional.ofNullable(comment).map(c -> c.getValueAs(String.class));
  }

  /** The PARTITIONED BY column names; empty if none. */
  public List<String> partitionKeys() {
    return names(partitionKeys);
  }

  /** The WITH options in declaration order. */
  public Map<String, String> options() {
    Map<String, String> map = new LinkedHashMap<>();
    for (SqlTableOption option : optionList()) {
      map.put(option.key(), option.value());
    }
    return Collections.unmodifiableMap(map);
  }

  /** The WITH options as nodes, for error positions. */
  public List<SqlTableOption> optionList() {
    List<SqlTableOption> list = new ArrayList<>(options.size());
    for (SqlNode option : options) {
      list.add((SqlTableOption) option);
    }
    return Collections.unmodifiableList(list);
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, columns, watermark, primaryKey, comment, partitionKeys,
        options);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE");
    if (temporary) {
      writer.keyword("TEMPORARY");
    }
    writer.keyword("TABLE");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, leftPrec, rightPrec);

    SqlWriter.Frame frame = writer.startList(DdlUnparse.BLOCK, "(", ")");
    for (SqlNode column : columns) {
      DdlUnparse.item(writer);
      column.unparse(writer, 0, 0);
    }
    if (watermark != null) {
      DdlUnparse.item(writer);
      watermark.unparse(writer, 0, 0);
    }
    if (!primaryKey.isEmpty()) {
      DdlUnparse.item(writer);
      writer.keyword("PRIMARY KEY");
      DdlUnparse.identifierList(writer, primaryKey);
      writer.keyword("NOT ENFORCED");
    }
    writer.newlineAndIndent();
    writer.endList(frame);

    if (comment != null) {
      writer.newlineAndIndent();
      writer.keyword("COMMENT");
      comment.unparse(writer, 0, 0);
    }
    if (!partitionKeys.isEmpty()) {
      writer.newlineAndIndent();
      writer.keyword("PARTITIONED BY");
      DdlUnparse.identifierList(writer, partitionKeys);
    }
    if (!options.isEmpty()) {
      writer.newlineAndIndent();
      writer.keyword("WITH");
      SqlWriter.Frame withFrame = writer.startList(DdlUnparse.BLOCK, "(", ")");
      for (SqlNode option : options) {
        DdlUnparse.item(writer);
        option.unparse(writer, 0, 0);
      }
      writer.newlineAndIndent();
      writer.endList(withFrame);
    }
  }

  private static List<String> names(SqlNodeList identifiers) {
    List<String> names = new ArrayList<>(identifiers.size());
    for (SqlNode identifier : identifiers) {
      names.add(((SqlIdentifier) identifier).getSimple());
    }
    return Collections.unmodifiableList(names);
  }
}
