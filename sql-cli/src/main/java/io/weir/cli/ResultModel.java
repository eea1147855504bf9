package io.weir.cli;

import io.weir.common.data.Row;
import io.weir.common.data.ValueFormatter;
import io.weir.common.types.RowType;
import java.time.ZoneId;
import java.util.List;

/**
 * What a full-screen {@link ResultView} shows of a query: a header and rows of cell text, kept up
 * to date by applying the query's changelog. {@link LiveTable} keeps the current result (the
 * {@code table} mode), {@link ChangelogModel} every change (the {@code changelog} mode). Used by
 * one thread.
 */
interface ResultModel {

  /** The column names shown in the header. */
  List<String> columns();

  /** Takes one change of the query's changelog into account. */
  void apply(Row change);

  /** How many rows there are to show. */
  int size();

  /** How many changes were applied so far. */
  long changes();

  /** The cell text of rows {@code from} to {@code from + count} (fewer at the end). */
  List<String[]> rows(int from, int count);

  /** The cell text of {@code row}'s fields, as the tableau mode prints them. */
  static String[] cells(Row row, RowType schema, ZoneId zone) {
    String[] cells = new String[schema.arity()];
    for (int i = 0; i < cells.length; i++) {
      Object value = i < row.arity() ? row.field(i) : null;
      cells[i] = ValueFormatter.format(value, schema.type(i), TableLayout.NULL_TEXT, zone);
    }
    return cells;
  }
}
