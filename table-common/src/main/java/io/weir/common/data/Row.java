package io.weir.common.data;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * A row of a changelog: a {@link RowKind} plus field values in internal form (see {@link
 * io.weir.common.types.LogicalType}).
 *
 * <p>Rows are immutable once emitted, so tasks in one JVM hand them to each other without copying.
 * The field array is owned by the row: {@link #of} takes the array it is given, and nobody writes
 * to it afterwards.
 */
public final class Row {
  private final RowKind kind;
  private final Object[] fields;
  /** The hash, computed on first use: rows are keys of state maps, hashed on every access. */
  private int hash;

  private Row(RowKind kind, Object[] fields) {
    this.kind = requireNonNull(kind, "kind");
    this.fields = requireNonNull(fields, "fields");
  }

  /** An insert row owning {@code fields}. */
  public static Row of(Object... fields) {
    return new Row(RowKind.INSERT, fields);
  }

  /** A row of the given kind owning {@code fields}. */
  public static Row ofKind(RowKind kind, Object... fields) {
    return new Row(kind, fields);
  }

  public RowKind kind() {
    return kind;
  }

  public int arity() {
    return fields.length;
  }

  public Object field(int index) {
    return fields[index];
  }

  public boolean isNullAt(int index) {
    return fields[index] == null;
  }

  /** The same fields under another kind; this row when the kind is the same. */
  public Row withKind(RowKind newKind) {
    return newKind == kind ? this : new Row(newKind, fields);
  }

  /** A copy of the field values, for callers that build a new row from this one. */
  public Object[] copyFields() {
    return fields.clone();
  }

  /** Equality of the field values only, ignoring the kind. */
  public boolean fieldsEqual(Row other) {
    return Arrays.deepEquals(fields, other.fields);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Row r && r.kind == kind && Arrays.deepEquals(fields, r.fields);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      // The kind's ordinal, not its identity hash, so a row hashes alike in every JVM.
      h = 31 * kind.ordinal() + Arrays.deepHashCode(fields);
      hash = h;
    }
    return h;
  }

  /** Flink's form: {@code +I[a, 1]}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(kind.shortString()).append('[');
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      Object f = fields[i];
      sb.append(f instanceof byte[] b ? Arrays.toString(b) : String.valueOf(f));
    }
    return sb.append(']').toString();
  }
}
