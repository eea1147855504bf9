package io.weir.cli;

import io.weir.common.data.Row;
import io.weir.common.types.RowType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code changelog} result mode's model: every change of the query, in arrival order, with
 * its kind ({@code +I}, {@code -U}, {@code +U}, {@code -D}) in a first column {@code op}. Keeps
 * the latest {@code capacity} changes; older ones fall off the top.
 */
final class ChangelogModel implements ResultModel {
  private final RowType schema;
  private final ZoneId zone;
  private final int capacity;
  /** A ring of the latest changes: {@code ring[(first + i) % capacity]} is the i-th shown. */
  private final Row[] ring;
  private int first;
  private int size;
  private long changes;

  ChangelogModel(RowType schema, ZoneId zone, int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive but was " + capacity);
    }
    this.schema = schema;
    this.zone = zone;
    this.capacity = capacity;
    this.ring = new Row[capacity];
  }

  @Override
  public List<String> columns() {
    List<String> columns = new ArrayList<>();
    columns.add(ChangelogTable.OP_COLUMN);
    columns.addAll(schema.names());
    return columns;
  }

  @Override
  public void apply(Row change) {
    changes++;
    if (size < capacity) {
      ring[(first + size) % capacity] = change;
      size++;
    } else {
      ring[first] = change;
      first = (first + 1) % capacity;
    }
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public long changes() {
    return changes;
  }

  @Override
  public List<String[]> rows(int from, int count) {
    List<String[]> rows = new ArrayList<>();
    for (int i = Math.max(0, from); i < Math.min(size, from + count); i++) {
      Row row = ring[(first + i) % capacity];
      String[] values = ResultModel.cells(row, schema, zone);
      String[] cells = new String[values.length + 1];
      cells[0] = row.kind().shortString();
      System.arraycopy(values, 0, cells, 1, values.length);
      rows.add(cells);
    }
    return rows;
  }
}
