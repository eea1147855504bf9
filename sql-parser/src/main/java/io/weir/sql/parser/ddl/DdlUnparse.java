package io.weir.sql.parser.ddl;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;

/** Layout shared by the DDL nodes' unparse: one item a line, indented, separated by commas. */
final class DdlUnparse {
  /** A frame for a parenthesized block whose items sit on lines of their own. */
  static final SqlWriter.FrameType BLOCK = SqlWriter.FrameTypeEnum.create("BLOCK");

  private DdlUnparse() {}

  /** Starts the next item of a {@link #BLOCK} list. */
  static void item(SqlWriter writer) {
    writer.sep(",", false);
    writer.newlineAndIndent();
    writer.print("  ");
  }

  /** Writes {@code (a, b, c)}. */
  static void identifierList(SqlWriter writer, SqlNodeList identifiers) {
    SqlWriter.Frame frame = writer.startList("(", ")");
    for (SqlNode identifier : identifiers) {
      writer.sep(",");
      identifier.unparse(writer, 0, 0);
    }
    writer.endList(frame);
  }
}
