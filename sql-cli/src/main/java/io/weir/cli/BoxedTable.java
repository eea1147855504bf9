package io.weir.cli;

import io.weir.common.data.Row;
import io.weir.common.data.ValueFormatter;
import io.weir.common.types.RowType;
import java.time.ZoneId;
import java.util.List;

/**
 * Renders a complete, small result (SHOW, DESCRIBE, SET) as Flink's SQL client does: columns as
 * wide as their widest value, right-aligned, then {@code 2 rows in set} (or {@code Empty set}).
 *
 * <pre>
 * +------------+
 * | table name |
 * +------------+
 * |       demo |
 * +------------+
 * 1 row in set
 * </pre>
 */
final class BoxedTable {
  private BoxedTable() {}

  /** The table as text, lines ending in {@code \n}; no column is cut. */
  static String render(RowType schema, List<Row> rows, ZoneId zone) {
    return render(schema, rows, zone, Integer.MAX_VALUE);
  }

  /** The table as text, columns wider than {@code maxColumnWidth} cut to end in {@code ...}. */
  static String render(RowType schema, List<Row> rows, ZoneId zone, int maxColumnWidth) {
    if (rows.isEmpty()) {
      return "Empty set\n";
    }
    int columns = schema.arity();
    String[][] cells = new String[rows.size()][columns];
    int[] widths = new int[columns];
    for (int c = 0; c < columns; c++) {
      widths[c] = TableLayout.displayWidth(schema.name(c));
    }
    for (int r = 0; r < rows.size(); r++) {
      Row row = rows.get(r);
      for (int c = 0; c < columns; c++) {
        Object value = c < row.arity() ? row.field(c) : null;
        String text = ValueFormatter.format(value, schema.type(c), TableLayout.NULL_TEXT, zone);
        cells[r][c] = text;
        widths[c] = Math.max(widths[c], TableLayout.displayWidth(TableLayout.fit(text, Integer.MAX_VALUE)));
      }
    }
    for (int c = 0; c < columns; c++) {
      widths[c] = Math.min(widths[c], Math.max(maxColumnWidth, TableLayout.CUT_MARK.length()));
    }
    String border = TableLayout.border(widths);
    StringBuilder sb = new StringBuilder();
    sb.append(border).append('\n');
    sb.append(TableLayout.line(schema.names().toArray(new String[0]), widths)).append('\n');
    sb.append(border).append('\n');
    for (String[] row : cells) {
      sb.append(TableLayout.line(row, widths)).append('\n');
    }
    sb.append(border).append('\n');
    sb.append(rows.size()).append(rows.size() == 1 ? " row in set\n" : " rows in set\n");
    return sb.toString();
  }
}
