package io.weir.cli;

import io.weir.common.data.Row;
import io.weir.common.data.ValueFormatter;
import io.weir.common.types.RowType;
import java.io.PrintWriter;
import java.time.ZoneId;

/**
 * Prints a continuous query's changelog as a table that grows a row at a time, as Flink's SQL
 * client does in tableau mode: widths are fixed up front from the header and each column's type
 * (the values are not known yet), and the first column, {@code op}, holds the row kind.
 *
 * <pre>
 * +----+-------------+--------------------------------+
 * | op |    order_id |                       customer |
 * +----+-------------+--------------------------------+
 * | +I |           1 |                           a1b2 |
 * +----+-------------+--------------------------------+
 * Received a total of 1 row
 * </pre>
 *
 * Used by one thread at a time.
 */
final class ChangelogTable {
  static final String OP_COLUMN = "op";

  private final RowType schema;
  private final ZoneId zone;
  private final PrintWriter out;
  private final int[] widths;
  private long rows;

  ChangelogTable(RowType schema, ZoneId zone, PrintWriter out) {
    this(schema, zone, out, ShellOptions.DEFAULT_MAX_COLUMN_WIDTH);
  }

  /** @param maxColumnWidth the width of columns whose values can be of any length */
  ChangelogTable(RowType schema, ZoneId zone, PrintWriter out, int maxColumnWidth) {
    this.schema = schema;
    this.zone = zone;
    this.out = out;
    this.widths = widths(schema, maxColumnWidth);
  }

  /** The width of {@code op} and of every column: the larger of its header and its type's width. */
  static int[] widths(RowType schema, int maxColumnWidth) {
    int[] widths = new int[schema.arity() + 1];
    widths[0] = OP_COLUMN.length();
    for (int i = 0; i < schema.arity(); i++) {
      widths[i + 1] = Math.max(TableLayout.displayWidth(schema.name(i)),
          TableLayout.widthOf(schema.type(i), maxColumnWidth));
    }
    return widths;
  }

  void printHeader() {
    String[] header = new String[widths.length];
    header[0] = OP_COLUMN;
    for (int i = 0; i < schema.arity(); i++) {
      header[i + 1] = schema.name(i);
    }
    out.println(TableLayout.border(widths));
    out.println(TableLayout.line(header, widths));
    out.println(TableLayout.border(widths));
    out.flush();
  }

  /** Prints one changelog row; the caller flushes. */
  void printRow(Row row) {
    out.println(format(row));
    rows++;
  }

  String format(Row row) {
    String[] cells = new String[widths.length];
    cells[0] = row.kind().shortString();
    for (int i = 0; i < schema.arity(); i++) {
      Object value = i < row.arity() ? row.field(i) : null;
      cells[i + 1] = ValueFormatter.format(value, schema.type(i), TableLayout.NULL_TEXT, zone);
    }
    return TableLayout.line(cells, widths);
  }

  /** Closes the table when the query has ended: {@code Received a total of 3 rows}. */
  void printEnd() {
    printBottom();
    out.println("Received a total of " + rows + (rows == 1 ? " row" : " rows"));
    out.flush();
  }

  /** The border below the last row, if there is a row. */
  void printBottom() {
    if (rows > 0) {
      out.println(TableLayout.border(widths));
    }
    out.flush();
  }

  long rowCount() {
    return rows;
  }
}
