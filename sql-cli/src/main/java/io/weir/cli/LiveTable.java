package io.weir.cli;

import io.weir.common.data.Row;
import io.weir.common.data.ValueFormatter;
import io.weir.common.types.RowType;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code table} result mode: the query's current result, kept by applying its changelog, and
 * redrawn in place as it changes — an aggregation's row changes value rather than a new line being
 * appended. Below the table a status line gives the row count, the changes seen, the query's
 * watermark and how to stop.
 */
final class LiveTable {
  /** At most this many rows are drawn; the status line counts the rest. */
  static final int MAX_ROWS = 40;

  private final RowType schema;
  private final ZoneId zone;
  private final PrintWriter out;
  /** Current rows (fields as a list) with their multiplicity, in first-insert order. */
  private final Map<List<Object>, Integer> rows = new LinkedHashMap<>();
  private long changes;
  private int drawnLines;

  LiveTable(RowType schema, ZoneId zone, PrintWriter out) {
    this.schema = schema;
    this.zone = zone;
    this.out = out;
  }

  /** Applies one change: +I/+U add the row, -U/-D take one copy of it away. */
  void apply(Row change) {
    List<Object> key = Arrays.asList(change.copyFields());
    if (change.kind().isAccumulate()) {
      rows.merge(key, 1, Integer::sum);
    } else {
      rows.computeIfPresent(key, (k, n) -> n > 1 ? n - 1 : null);
    }
    changes++;
  }

  int size() {
    return rows.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Redraws the table over the previous drawing (ANSI: cursor up, clear to the end). */
  void draw(long watermark, String state) {
    StringBuilder text = new StringBuilder();
    List<Row> shown = new ArrayList<>();
    outer:
    for (Map.Entry<List<Object>, Integer> e : rows.entrySet()) {
      for (int i = 0; i < e.getValue(); i++) {
        if (shown.size() == MAX_ROWS) {
          break outer;
        }
        shown.add(Row.of(e.getKey().toArray()));
      }
    }
    if (shown.isEmpty()) {
      text.append("(no rows yet)\n");
    } else {
      // The boxed table without its "N rows in set" line: the status line below counts.
      String box = BoxedTable.render(schema, shown, zone);
      text.append(box, 0, box.lastIndexOf('\n', box.length() - 2) + 1);
    }
    int total = size();
    text.append("rows: ").append(total);
    if (total > shown.size()) {
      text.append(" (first ").append(shown.size()).append(" shown)");
    }
    text.append("   changes: ").append(changes)
        .append("   watermark: ").append(watermark == Long.MIN_VALUE ? "-" : ValueFormatter.formatTimestamp(watermark == Long.MAX_VALUE ? Long.MAX_VALUE / 1000 : watermark, 3, zone))
        .append("   ").append(state).append('\n');
    if (drawnLines > 0) {
      out.print("\u001b[" + drawnLines + "A\u001b[J");
    }
    String s = text.toString();
    out.print(s);
    out.flush();
    drawnLines = (int) s.chars().filter(c -> c == '\n').count();
  }
}
