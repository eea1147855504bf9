package io.weir.cli;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The SQL words the shell completes and highlights: Weir's statements and Flink SQL's clauses. */
final class SqlKeywords {
  private SqlKeywords() {}

  static final List<String> ALL = List.of(
      "ADD", "ALL", "AND", "ANY", "ARRAY", "AS", "ASC", "AT", "BETWEEN", "BIGINT", "BINARY", "BOOLEAN", "BOTH",
      "BY", "BYTES", "CASCADE", "CASE", "CAST", "CHAR", "CLASS", "COLUMNS", "CREATE", "CROSS", "CUMULATE",
      "CURRENT", "DATE", "DAY", "DECIMAL", "DESC", "DESCRIBE", "DESCRIPTOR", "DISTINCT", "DOUBLE", "DROP", "ELSE",
      "END", "ENFORCED", "ESCAPE", "EXCEPT", "EXISTS", "EXPLAIN", "FALSE", "FETCH", "FILTER", "FIRST", "FLOAT",
      "FOLLOWING", "FOR", "FROM", "FULL", "FUNCTION", "FUNCTIONS", "GROUP", "HAVING", "HOP", "HOUR", "IF", "IN",
      "INNER", "INSERT", "INT", "INTEGER", "INTERSECT", "INTERVAL", "INTO", "IS", "JOB", "JOBS", "JOIN", "KEY",
      "LANGUAGE", "LAST", "LATERAL", "LEFT", "LIKE", "LIMIT", "MAP", "MINUTE", "MONTH", "MULTISET", "NOT", "NULL",
      "NULLS", "OF", "OFFSET", "ON", "OR", "ORDER", "OUTER", "OVER", "OVERWRITE", "PARTITION", "PARTITIONED",
      "PRECEDING", "PRIMARY", "PROCTIME", "RANGE", "RESET", "RIGHT", "ROW", "ROWS", "SAVEPOINT", "SECOND",
      "SELECT", "SESSION", "SET", "SHOW", "SMALLINT", "STOP", "STRING", "SYSTEM_TIME", "TABLE", "TABLES",
      "TEMPORARY", "THEN", "TIME", "TIMESTAMP", "TIMESTAMP_LTZ", "TINYINT", "TO", "TRUE", "TUMBLE", "UNBOUNDED",
      "UNION", "UNNEST", "USING", "VALUES", "VARBINARY", "VARCHAR", "VIEW", "VIEWS", "WATERMARK", "WHEN", "WHERE",
      "WINDOW", "WITH", "YEAR");

  private static final Set<String> SET = new TreeSet<>(ALL);

  static boolean isKeyword(String word) {
    return SET.contains(word.toUpperCase(Locale.ROOT));
  }
}
