package io.weir.cli;

import io.weir.common.data.Row;
import io.weir.common.data.RowKind;
import io.weir.common.types.RowType;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code table} result mode's model: the query's current result, kept by applying its
 * changelog, so an aggregation's row changes value where it stands instead of a new line being
 * appended. An update ({@code -U} then {@code +U}) puts the new row into the slot the old one
 * left: {@code -U (a, 1)}, {@code +U (a, 2)} shows {@code (a, 2)} on the line {@code (a, 1)} was.
 * A delete removes its row; an insert appends.
 */
final class LiveTable implements ResultModel {
  private final RowType schema;
  private final ZoneId zone;
  /** Rows in the order they are shown; null where a row was removed (compacted now and then). */
  private final List<List<Object>> slots = new ArrayList<>();
  /** Where each distinct row stands (several slots for duplicates). */
  private final Map<List<Object>, ArrayDeque<Integer>> positions = new HashMap<>();
  /** Slots that -U freed, oldest first: the next +U fills them. */
  private final ArrayDeque<Integer> freedByUpdate = new ArrayDeque<>();
  private int size;
  private long changes;

  LiveTable(RowType schema, ZoneId zone) {
    this.schema = schema;
    this.zone = zone;
  }

  @Override
  public List<String> columns() {
    return schema.names();
  }

  @Override
  public void apply(Row change) {
    List<Object> row = Arrays.asList(change.copyFields());
    changes++;
    if (change.kind().isAccumulate()) {
      Integer slot = change.kind() == RowKind.UPDATE_AFTER ? freedByUpdate.pollFirst() : null;
      if (slot == null) {
        slot = slots.size();
        slots.add(row);
      } else {
        slots.set(slot, row);
      }
      positions.computeIfAbsent(row, k -> new ArrayDeque<>()).addLast(slot);
      size++;
      return;
    }
    ArrayDeque<Integer> at = positions.get(row);
    if (at == null) {
      return; // a retraction of a row never seen: nothing to take away
    }
    int slot = at.pollLast();
    if (at.isEmpty()) {
      positions.remove(row);
    }
    slots.set(slot, null);
    size--;
    if (change.kind() == RowKind.UPDATE_BEFORE) {
      freedByUpdate.addLast(slot);
    } else if (freedByUpdate.isEmpty() && slots.size() > 64 && slots.size() > 2 * size) {
      compact();
    }
  }

  /** Drops the empty slots (only when no update waits for its slot). */
  private void compact() {
    List<List<Object>> kept = new ArrayList<>(size);
    positions.clear();
    for (List<Object> row : slots) {
      if (row != null) {
        positions.computeIfAbsent(row, k -> new ArrayDeque<>()).addLast(kept.size());
        kept.add(row);
      }
    }
    slots.clear();
    slots.addAll(kept);
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
    List<String[]> rows = new ArrayList<>(Math.max(0, Math.min(count, size - from)));
    int seen = 0;
    for (List<Object> row : slots) {
      if (row == null) {
        continue;
      }
      if (seen >= from + count) {
        break;
      }
      if (seen >= from) {
        rows.add(ResultModel.cells(Row.of(row.toArray()), schema, zone));
      }
      seen++;
    }
    return rows;
  }
}
