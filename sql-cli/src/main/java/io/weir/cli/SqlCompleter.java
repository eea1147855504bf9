package io.weir.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: inside {@code SET '} the option keys; after {@code t.} the columns of table
 * {@code t}; after {@code FROM}, {@code JOIN}, {@code INTO}, {@code DESCRIBE} and the like only
 * table and view names; elsewhere SQL keywords, table and view names, function names, and the columns of the
 * tables the statement names (of every table when it names none). Names come from the live
 * catalog at each Tab, so a table created a moment ago completes.
 */
final class SqlCompleter implements Completer {
  private static final Pattern AFTER_SET = Pattern.compile("(?is).*\\b(SET|RESET)\\s+$");
  /** Words after which only a table or view name may follow. */
  private static final Pattern AFTER_TABLE_WORD = Pattern.compile(
      "(?is).*\\b(FROM|JOIN|INTO|TABLE|VIEW|DESCRIBE|DESC|EXISTS)\\s+$");

  private final ShellCatalog catalog;

  SqlCompleter(ShellCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    String word = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
    String before = line.line().substring(0, Math.max(0, line.cursor() - word.length()));
    candidates.addAll(complete(line.line(), before, word));
  }

  /** The candidates for {@code word}, typed after {@code before}, in a statement {@code text}. */
  List<Candidate> complete(String text, String before, String word) {
    List<Candidate> out = new ArrayList<>();
    try {
      if (word.startsWith("'") && AFTER_SET.matcher(before).matches()) {
        for (String key : catalog.optionKeys()) {
          out.add(new Candidate("'" + key + "'", key, "options", null, null, null, true));
        }
        return out;
      }
      Map<String, List<String>> tables = catalog.tables();
      int dot = word.lastIndexOf('.');
      if (dot > 0) {
        String qualifier = word.substring(0, dot);
        List<String> columns = columnsOf(tables, qualifier);
        for (String column : columns) {
          out.add(new Candidate(word.substring(0, dot + 1) + column, column, "columns", null, null, null, true));
        }
        return out;
      }
      if (AFTER_TABLE_WORD.matcher(before).matches()) {
        for (String table : tables.keySet()) {
          out.add(new Candidate(table, table, "tables", null, null, null, true));
        }
        return out;
      }
      boolean lower = !word.isEmpty() && word.equals(word.toLowerCase(Locale.ROOT));
      for (String keyword : SqlKeywords.ALL) {
        out.add(new Candidate(lower ? keyword.toLowerCase(Locale.ROOT) : keyword, keyword, "keywords", null, null,
            null, true));
      }
      for (String table : tables.keySet()) {
        out.add(new Candidate(table, table, "tables", null, null, null, true));
      }
      for (String column : columnsInScope(text, tables)) {
        out.add(new Candidate(column, column, "columns", null, null, null, true));
      }
      for (String function : catalog.functions()) {
        out.add(new Candidate(lower ? function.toLowerCase(Locale.ROOT) : function, function, "functions", null,
            null, null, true));
      }
    } catch (RuntimeException e) {
      // A catalog that cannot be read offers no names; completion must never break the line.
    }
    return out;
  }

  /** The columns of the tables {@code text} names, or of every table when it names none. */
  private static Set<String> columnsInScope(String text, Map<String, List<String>> tables) {
    Set<String> words = new LinkedHashSet<>();
    for (String w : text.split("[^\\p{L}\\p{N}_$]+")) {
      words.add(w.toLowerCase(Locale.ROOT));
    }
    Set<String> columns = new LinkedHashSet<>();
    for (Map.Entry<String, List<String>> e : tables.entrySet()) {
      if (words.contains(e.getKey().toLowerCase(Locale.ROOT))) {
        columns.addAll(e.getValue());
      }
    }
    if (columns.isEmpty()) {
      tables.values().forEach(columns::addAll);
    }
    return columns;
  }

  private static List<String> columnsOf(Map<String, List<String>> tables, String name) {
    String unquoted = name.replace("`", "");
    for (Map.Entry<String, List<String>> e : tables.entrySet()) {
      if (e.getKey().equalsIgnoreCase(unquoted)) {
        return e.getValue();
      }
    }
    return List.of();
  }
}
