package io.weir.runtime.operator.rank;

import io.weir.common.data.Row;
import io.weir.common.types.RowType;
import java.util.List;

/**
 * Projects a row onto the key columns an operator's keyed state (and its hash edge) uses: {@code
 * Row.of(keyFields…)}, the same form {@code Partitioner.hash} routes by, so a key's rows meet its
 * state.
 *
 * <p>Without key columns (a global Top-N, a session window without PARTITION BY) every row maps to
 * one shared empty key row instead of a fresh one per row.
 */
public final class KeySelector {
  private static final Row EMPTY = Row.of();

  private final int[] fields;
  private final RowType keyType;

  public KeySelector(List<Integer> keyFields, RowType inputType) {
    this.fields = keyFields.stream().mapToInt(Integer::intValue).toArray();
    for (int f : fields) {
      if (f < 0 || f >= inputType.arity()) {
        throw new IllegalArgumentException("key field " + f + " is not a column of " + inputType);
      }
    }
    this.keyType = inputType.project(fields);
  }

  /** The schema of the keys, for {@code context.keyedState(keyType)}. */
  public RowType keyType() {
    return keyType;
  }

  /** The key of {@code row}: an insert row of its key columns. */
  public Row keyOf(Row row) {
    if (fields.length == 0) {
      return EMPTY;
    }
    Object[] key = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      key[i] = row.field(fields[i]);
    }
    return Row.of(key);
  }
}
