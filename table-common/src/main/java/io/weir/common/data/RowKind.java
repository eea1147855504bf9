package io.weir.common.data;

/**
 * The kind of change a row is in a changelog. Every dynamic table is a changelog; an append-only
 * stream is one that the planner proved holds only {@link #INSERT}s.
 */
public enum RowKind {
  INSERT("+I"),
  UPDATE_BEFORE("-U"),
  UPDATE_AFTER("+U"),
  DELETE("-D");

  private final String shortString;

  RowKind(String shortString) {
    this.shortString = shortString;
  }

  /** {@code +I}, {@code -U}, {@code +U} or {@code -D}, as Flink prints them. */
  public String shortString() {
    return shortString;
  }

  /** True for the kinds that add a row to the table ({@code +I}, {@code +U}). */
  public boolean isAccumulate() {
    return this == INSERT || this == UPDATE_AFTER;
  }

  public static RowKind fromShortString(String s) {
    for (RowKind k : values()) {
      if (k.shortString.equals(s)) {
        return k;
      }
    }
    throw new IllegalArgumentException("Unknown row kind '" + s + "'; expected +I, -U, +U or -D");
  }
}
