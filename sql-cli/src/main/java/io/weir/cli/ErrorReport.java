package io.weir.cli;

import io.weir.common.error.SqlException;
import io.weir.common.error.WeirException;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The text the shell prints for a failed statement: {@code [ERROR] <message>}, and for an error
 * with a position, the line of SQL it is about with a caret under the column:
 *
 * <pre>
 * [ERROR] SQL parse error at line 1, column 1: encountered "SELEC" but expected one of: ...
 * SELEC 1
 * ^
 * </pre>
 */
final class ErrorReport {
  private ErrorReport() {}

  /**
   * @param error what went wrong
   * @param sql the text the error's line and column count in (a statement or a whole script), or
   *     null when there is none
   * @param verbose whether to add the stack trace
   * @return lines ending in {@code \n}
   */
  static String format(Throwable error, String sql, boolean verbose) {
    StringBuilder sb = new StringBuilder("[ERROR] ").append(message(error)).append('\n');
    if (error instanceof SqlException e && e.hasPosition()) {
      sb.append(pointer(sql, e.line(), e.column(), e.endLine(), e.endColumn()));
    }
    if (verbose) {
      StringWriter trace = new StringWriter();
      error.printStackTrace(new PrintWriter(trace));
      sb.append(trace);
    }
    return sb.toString();
  }

  /** The message, with the position added when the engine's message does not name it. */
  static String message(Throwable error) {
    if (error instanceof WeirException) {
      String m = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
      if (error instanceof SqlException e && e.hasPosition() && !m.contains("line " + e.line())) {
        m = m + " (at line " + e.line() + ", column " + e.column() + ")";
      }
      return m;
    }
    return "Unexpected error: " + describe(error)
        + (error.getCause() != null && error.getCause() != error ? "\nCaused by: " + describe(error.getCause()) : "");
  }

  private static String describe(Throwable t) {
    return t.getMessage() == null ? t.getClass().getName() : t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  /**
   * The {@code line}-th line of {@code sql} and a caret line under {@code column} (several carets
   * when the error spans more columns of that line); empty when the line is not in {@code sql}.
   */
  static String pointer(String sql, int line, int column, int endLine, int endColumn) {
    if (sql == null || line < 1 || column < 1) {
      return "";
    }
    String[] lines = sql.split("\r?\n", -1);
    if (line > lines.length) {
      return "";
    }
    String text = lines[line - 1];
    StringBuilder caret = new StringBuilder();
    // Keep the tabs of the line so the caret lines up however wide the terminal shows a tab.
    for (int i = 0; i < column - 1 && i < text.length(); i++) {
      caret.append(text.charAt(i) == '\t' ? '\t' : ' ');
    }
    int carets = endLine == line && endColumn >= column ? endColumn - column + 1 : 1;
    carets = Math.max(1, Math.min(carets, Math.max(1, text.length() - column + 1)));
    caret.append("^".repeat(carets));
    return text + "\n" + caret + "\n";
  }
}
