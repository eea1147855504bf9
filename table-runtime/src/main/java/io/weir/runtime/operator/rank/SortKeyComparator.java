package io.weir.runtime.operator.rank;

import io.weir.common.data.Row;
import io.weir.common.plan.SortKeySpec;
import io.weir.common.types.RowType;
import io.weir.runtime.expr.Values;
import java.util.Comparator;
import java.util.List;

/**
 * Orders rows by an ORDER BY list, comparing values as SQL does ({@link Values#comparator}).
 *
 * <p>{@code NULLS FIRST}/{@code NULLS LAST} place nulls regardless of the direction, as in SQL:
 * {@code ORDER BY price DESC NULLS LAST} puts the highest price first and nulls at the end.
 */
public final class SortKeyComparator implements Comparator<Row> {
  private final int[] fields;
  private final Comparator<Object>[] comparators;
  private final boolean[] ascending;
  private final boolean[] nullsFirst;

  @SuppressWarnings("unchecked")
  public SortKeyComparator(List<SortKeySpec> keys, RowType inputType) {
    int n = keys.size();
    fields = new int[n];
    comparators = new Comparator[n];
    ascending = new boolean[n];
    nullsFirst = new boolean[n];
    for (int i = 0; i < n; i++) {
      SortKeySpec key = keys.get(i);
      if (key.field() >= inputType.arity()) {
        throw new IllegalArgumentException("sort field " + key.field() + " is not a column of " + inputType);
      }
      fields[i] = key.field();
      comparators[i] = Values.comparator(inputType.type(key.field()), inputType.type(key.field()));
      ascending[i] = key.ascending();
      nullsFirst[i] = key.nullsFirst();
    }
  }

  @Override
  public int compare(Row a, Row b) {
    for (int i = 0; i < fields.length; i++) {
      Object x = a.field(fields[i]);
      Object y = b.field(fields[i]);
      int c;
      if (x == null || y == null) {
        if (x == y) {
          continue;
        }
        c = (x == null) == nullsFirst[i] ? -1 : 1;
      } else {
        c = comparators[i].compare(x, y);
        if (!ascending[i]) {
          c = -c;
        }
      }
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /**
   * The index in {@code sorted} just after every row that sorts before or equal to {@code row}:
   * where {@code row} goes so that rows with equal sort keys stay in arrival order.
   */
  public int upperBound(List<Row> sorted, Row row) {
    int lo = 0;
    int hi = sorted.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (compare(sorted.get(mid), row) <= 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The index in {@code sorted} of the first row that does not sort before {@code row}. */
  public int lowerBound(List<Row> sorted, Row row) {
    int lo = 0;
    int hi = sorted.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (compare(sorted.get(mid), row) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
