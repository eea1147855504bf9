package io.weir.engine;

import java.util.Map;
import java.util.TreeMap;
import org.apache.calcite.sql.parser.SqlParserPos;

/** Statement text: cut out of a script, and settings written back as SQL. */
final class Scripts {
  private Scripts() {}

  /** The text of the statement at {@code pos} (1-based lines and columns, end inclusive) in {@code script}. */
  static String slice(String script, SqlParserPos pos) {
    int start = offset(script, pos.getLineNum(), pos.getColumnNum());
    int end = offset(script, pos.getEndLineNum(), pos.getEndColumnNum()) + 1;
    return script.substring(Math.max(0, start), Math.min(script.length(), Math.max(start, end)));
  }

  private static int offset(String script, int line, int column) {
    int offset = 0;
    for (int l = 1; l < line; l++) {
      int next = script.indexOf('\n', offset);
      if (next < 0) {
        return script.length();
      }
      offset = next + 1;
    }
    return offset + column - 1;
  }

  /** {@code SET} statements for every setting of {@code config} that differs from {@code defaults}. */
  static String settings(Map<String, String> config, Map<String, String> defaults) {
    StringBuilder sql = new StringBuilder();
    for (var e : new TreeMap<>(config).entrySet()) {
      if (!e.getValue().equals(defaults.get(e.getKey()))) {
        sql.append("SET '").append(quote(e.getKey())).append("' = '").append(quote(e.getValue())).append("';\n");
      }
    }
    return sql.toString();
  }

  private static String quote(String s) {
    return s.replace("'", "''");
  }
}
