package io.weir.common.error;

/**
 * A statement that cannot be parsed or validated, with the position it is about: 1-based line and
 * column of the first character, and of the last (equal to the first when only a point is known).
 * Line 0 means no position is known.
 */
public class SqlException extends WeirException {
  private final int line;
  private final int column;
  private final int endLine;
  private final int endColumn;

  public SqlException(String message, int line, int column, int endLine, int endColumn, Throwable cause) {
    super(message, cause);
    this.line = line;
    this.column = column;
    this.endLine = endLine;
    this.endColumn = endColumn;
  }

  public SqlException(String message) {
    this(message, 0, 0, 0, 0, null);
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  public int endLine() {
    return endLine;
  }

  public int endColumn() {
    return endColumn;
  }

  public boolean hasPosition() {
    return line > 0;
  }
}
