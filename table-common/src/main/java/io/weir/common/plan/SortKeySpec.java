package io.weir.common.plan;

/** One field of an ORDER BY: its index, direction, and where NULLs go. */
public record SortKeySpec(int field, boolean ascending, boolean nullsFirst) {
  public SortKeySpec {
    if (field < 0) {
      throw new IllegalArgumentException("field must be >= 0 but was " + field);
    }
  }

  public String explain(java.util.List<String> names) {
    return names.get(field) + (ascending ? " ASC" : " DESC");
  }
}
