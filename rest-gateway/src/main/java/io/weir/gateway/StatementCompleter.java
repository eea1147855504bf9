package io.weir.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Candidates for the word before the cursor (Flink's complete-statement, which the SQL client's
 * Tab key calls): table names after FROM, JOIN, INTO, TABLE and DESCRIBE, what may follow SHOW,
 * and SQL keywords otherwise. {@code "SELECT * FR"} gives {@code FROM}.
 */
final class StatementCompleter {
  private static final List<String> KEYWORDS = List.of(
      "ALTER", "AND", "AS", "ASC", "BETWEEN", "BY", "CASE", "CAST", "CREATE", "CROSS", "CUMULATE", "DESC",
      "DESCRIBE", "DESCRIPTOR", "DISTINCT", "DROP", "ELSE", "END", "EXISTS", "EXPLAIN", "FALSE", "FROM", "FULL",
      "GROUP", "HAVING", "HOP", "IF", "IN", "INNER", "INSERT", "INTERVAL", "INTO", "IS", "JOIN", "JOB", "LEFT",
      "LIKE", "LIMIT", "NOT", "NULL", "ON", "OR", "ORDER", "OUTER", "OVER", "PARTITION", "RESET", "RIGHT", "SAVEPOINT",
      "SELECT", "SET", "SESSION", "SHOW", "STOP", "TABLE", "THEN", "TRUE", "TUMBLE", "UNION", "USE", "VALUES", "VIEW",
      "WATERMARK", "WHEN", "WHERE", "WITH");
  private static final List<String> AFTER_SHOW =
      List.of("CATALOGS", "CREATE", "CURRENT", "DATABASES", "FUNCTIONS", "JOBS", "TABLES", "VIEWS");
  private static final List<String> BEFORE_TABLE = List.of("FROM", "JOIN", "INTO", "TABLE", "DESCRIBE", "DESC", "VIEW");

  private StatementCompleter() {}

  static List<String> complete(String statement, int position, List<String> tables) {
    int pos = Math.max(0, Math.min(position, statement.length()));
    int start = pos;
    while (start > 0 && isWordChar(statement.charAt(start - 1))) {
      start--;
    }
    String prefix = statement.substring(start, pos);
    String before = statement.substring(0, start).strip();
    int space = Math.max(before.lastIndexOf(' '), Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\t')));
    String previous = before.substring(space + 1).toUpperCase(Locale.ROOT);
    TreeSet<String> out = new TreeSet<>();
    if (BEFORE_TABLE.contains(previous)) {
      for (String t : tables) {
        if (t.regionMatches(true, 0, prefix, 0, prefix.length())) {
          out.add(t);
        }
      }
      return new ArrayList<>(out);
    }
    if (prefix.isEmpty()) {
      return List.of();
    }
    String upper = prefix.toUpperCase(Locale.ROOT);
    for (String k : previous.equals("SHOW") ? AFTER_SHOW : KEYWORDS) {
      if (k.startsWith(upper) && !k.equals(upper)) {
        out.add(k);
      }
    }
    return new ArrayList<>(out);
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
