package io.weir.runtime.operator.rank;

import io.weir.common.data.Row;
import io.weir.common.data.RowKind;
import io.weir.common.plan.RankSpec;
import io.weir.runtime.operator.OperatorContext;
import io.weir.runtime.operator.Output;
import io.weir.runtime.operator.StreamOperator;
import io.weir.state.ValueState;
import io.weir.state.ValueStateDescriptor;
import io.weir.state.serialization.ListSerializer;
import io.weir.state.serialization.RowSerializer;
import java.util.ArrayList;
import java.util.List;

/**
 * Top-N per partition with {@code ROW_NUMBER} semantics: {@code ROW_NUMBER() OVER (PARTITION BY
 * keys ORDER BY sort) AS rn … WHERE rn BETWEEN rankStart AND rankEnd}.
 *
 * <p><b>State</b>, per partition key: {@code rank-rows}, one value holding the partition's rows
 * sorted by the sort keys, rows with equal sort keys in arrival order (so ROW_NUMBER is stable).
 * For an insert-only input only the first {@code rankEnd} rows are kept: a row pushed below rank
 * {@code rankEnd} can never come back, because nothing is ever removed above it. For an updating
 * input every live row is kept, because retracting a top row moves the next one — any one — up.
 * Each change therefore costs a binary search plus a shift of the list: linear in {@code rankEnd}
 * (insert-only) or in the partition's size (updating). A row that cannot enter the top of an
 * insert-only input costs a lookup and a binary search, and no write. The list is changed in place
 * and always put back, as state values may be (a heap backend hands out its own object; a binary
 * one a fresh copy).
 *
 * <p><b>Output.</b> Without the rank number: a row entering the range is {@code +I}, a row leaving
 * it {@code -D}. With it: additionally every row whose rank changes inside the range is {@code
 * -U}(row, old rank) / {@code +U}(row, new rank). Changes are emitted so that the slot a row moves
 * into is vacated first — bottom-up when rows move down, top-down when they move up — so after
 * each message the output is a valid table keyed both by the row's own key and by (partition,
 * rank). Inserting {@code c} first into the top 2 {@code [a, b]}: {@code -D b}, {@code +I c}
 * without rank numbers; {@code -D(b, 2)}, {@code -U(a, 1)}, {@code +U(a, 2)}, {@code +I(c, 1)}
 * with them.
 */
public final class RankOperator implements StreamOperator {
  private final RankSpec spec;
  private final KeySelector keys;
  private final SortKeyComparator order;
  private final long rankStart;
  private final long rankEnd;
  private final boolean outputRankNumber;
  private ValueState<Row, List<Row>> rows;

  public RankOperator(RankSpec spec) {
    this.spec = spec;
    this.keys = new KeySelector(spec.partitionKeys(), spec.inputType());
    this.order = new SortKeyComparator(spec.sortKeys(), spec.inputType());
    this.rankStart = spec.rankStart();
    this.rankEnd = spec.rankEnd();
    this.outputRankNumber = spec.outputRankNumber();
    int expectedArity = spec.inputType().arity() + (outputRankNumber ? 1 : 0);
    if (spec.outputType().arity() != expectedArity) {
      throw new IllegalArgumentException("Rank output " + spec.outputType() + " must have " + expectedArity
          + " columns: the input's" + (outputRankNumber ? " plus the rank number" : ""));
    }
  }

  @Override
  public void open(OperatorContext context) {
    rows = context.keyedState(keys.keyType()).valueState(
        new ValueStateDescriptor<>("rank-rows", new ListSerializer<>(new RowSerializer(spec.inputType()))));
  }

  @Override
  public void process(int input, Row row, Output out) {
    Row key = keys.keyOf(row);
    // Rows are kept as inserts, so a retraction finds them by value and emitted copies get their
    // kind from withKind.
    Row value = row.withKind(RowKind.INSERT);
    if (row.kind().isAccumulate()) {
      accumulate(key, value, out);
    } else if (spec.inputUpdating()) {
      retract(key, value, out);
    } else {
      throw new IllegalStateException("Rank " + spec.explain() + " was planned for an insert-only input but received " + row);
    }
  }

  private void accumulate(Row key, Row row, Output out) {
    List<Row> sorted = rows.get(key);
    int size = sorted == null ? 0 : sorted.size();
    int pos = size == 0 ? 0 : order.upperBound(sorted, row);
    if (pos >= rankEnd && !spec.inputUpdating()) {
      // Behind the top rankEnd of an insert-only input: it can never rise, so it is not kept.
      return;
    }
    if (sorted == null) {
      sorted = new ArrayList<>();
    }
    // Rows at [pos, size) move one rank down; only those at ranks rankStart-1 .. rankEnd are seen
    // to change. Bottom-up, so the row leaving rank rankEnd goes before anything moves into it.
    long low = Math.max(pos, rankStart - 2);
    for (long i = Math.min(size - 1L, rankEnd - 1); i >= low; i--) {
      moved(sorted.get((int) i), i + 1, i + 2, out);
    }
    sorted.add(pos, row);
    if (!spec.inputUpdating() && sorted.size() > rankEnd) {
      sorted.remove(sorted.size() - 1);
    }
    moved(row, 0, pos + 1L, out);
    rows.put(key, sorted);
  }

  private void retract(Row key, Row row, Output out) {
    List<Row> sorted = rows.get(key);
    if (sorted == null) {
      // A retraction of a row never accumulated: nothing of it was emitted, so nothing to undo.
      return;
    }
    int q = -1;
    // Of equal rows the last one goes: the rows before it keep their ranks, so fewer changes.
    for (int i = order.upperBound(sorted, row) - 1, lo = order.lowerBound(sorted, row); i >= lo; i--) {
      if (sorted.get(i).fieldsEqual(row)) {
        q = i;
        break;
      }
    }
    if (q < 0) {
      return;
    }
    Row removed = sorted.remove(q);
    moved(removed, q + 1L, 0, out);
    // Rows now at [q, size) moved up one rank, from j + 2 to j + 1. Top-down, so each rank is
    // vacated before the row below moves into it.
    long high = Math.min(sorted.size() - 1L, rankEnd - 1);
    for (long j = Math.max(q, rankStart - 2); j <= high; j++) {
      moved(sorted.get((int) j), j + 2, j + 1, out);
    }
    if (sorted.isEmpty()) {
      rows.clear(key);
    } else {
      rows.put(key, sorted);
    }
  }

  /** Emits what a row's move from {@code oldRank} to {@code newRank} means (0: not a rank). */
  private void moved(Row row, long oldRank, long newRank, Output out) {
    boolean wasIn = oldRank >= rankStart && oldRank <= rankEnd;
    boolean isIn = newRank >= rankStart && newRank <= rankEnd;
    if (wasIn && isIn) {
      if (outputRankNumber && oldRank != newRank) {
        out.emit(output(row, RowKind.UPDATE_BEFORE, oldRank));
        out.emit(output(row, RowKind.UPDATE_AFTER, newRank));
      }
    } else if (wasIn) {
      out.emit(output(row, RowKind.DELETE, oldRank));
    } else if (isIn) {
      out.emit(output(row, RowKind.INSERT, newRank));
    }
  }

  private Row output(Row row, RowKind kind, long rank) {
    if (!outputRankNumber) {
      return row.withKind(kind);
    }
    int n = row.arity();
    Object[] fields = new Object[n + 1];
    for (int i = 0; i < n; i++) {
      fields[i] = row.field(i);
    }
    fields[n] = rank;
    return Row.ofKind(kind, fields);
  }
}
