package io.weir.common.plan;

/** The kinds of join, named as in SQL. SEMI and ANTI emit left rows only. */
public enum JoinType {
  INNER,
  LEFT,
  RIGHT,
  FULL,
  /** Left rows that have a match ({@code EXISTS}, {@code IN}). */
  SEMI,
  /** Left rows that have no match ({@code NOT EXISTS}, {@code NOT IN}). */
  ANTI;

  public boolean padsLeft() {
    return this == LEFT || this == FULL;
  }

  public boolean padsRight() {
    return this == RIGHT || this == FULL;
  }

  public boolean emitsRight() {
    return this != SEMI && this != ANTI;
  }
}
