package io.weir.common.plan;

import io.weir.common.data.RowKind;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The row kinds a stream may contain. Insert-only is the special case the planner proves. */
public record ChangelogMode(Set<RowKind> kinds) {
  public static final ChangelogMode INSERT_ONLY = new ChangelogMode(EnumSet.of(RowKind.INSERT));
  public static final ChangelogMode ALL = new ChangelogMode(EnumSet.allOf(RowKind.class));

  public ChangelogMode {
    if (kinds.isEmpty()) {
      throw new IllegalArgumentException("a changelog mode needs at least one row kind");
    }
    kinds = Set.copyOf(kinds);
  }

  public boolean isInsertOnly() {
    return kinds.size() == 1 && kinds.contains(RowKind.INSERT);
  }

  /** {@code [I]}, {@code [I,UB,UA,D]}, as Flink's EXPLAIN CHANGELOG_MODE prints it. */
  @Override
  public String toString() {
    return EnumSet.copyOf(kinds).stream()
        .map(k -> switch (k) {
          case INSERT -> "I";
          case UPDATE_BEFORE -> "UB";
          case UPDATE_AFTER -> "UA";
          case DELETE -> "D";
        })
        .collect(Collectors.joining(",", "[", "]"));
  }
}
