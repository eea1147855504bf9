package io.weir.cli;

import io.weir.common.data.Row;
import io.weir.engine.KnownOptions;
import io.weir.engine.Session;
import io.weir.engine.StatementResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The names completion offers, read from the live catalog each time the user presses Tab: tables
 * and views with their columns, functions, and the option keys {@code SET} knows. Called on the
 * shell's thread between statements, never while one runs.
 */
interface ShellCatalog {

  /** Every table and view, with its column names, by name. */
  Map<String, List<String>> tables();

  List<String> functions();

  List<String> optionKeys();

  /** The catalog of an embedded session. */
  static ShellCatalog of(Session session) {
    return new ShellCatalog() {
      @Override
      public Map<String, List<String>> tables() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        session.engine().catalog().all().forEach(o -> tables.put(o.name(), o.rowType().names()));
        return tables;
      }

      @Override
      public List<String> functions() {
        List<String> names = new ArrayList<>();
        if (session.execute("SHOW FUNCTIONS") instanceof StatementResult.TableResult table) {
          for (Row row : table.rows()) {
            names.add(String.valueOf(row.field(0)));
          }
        }
        return names;
      }

      @Override
      public List<String> optionKeys() {
        TreeSet<String> keys = new TreeSet<>(KnownOptions.keys());
        keys.addAll(ShellOptions.KEYS);
        keys.addAll(session.config().toMap().keySet());
        return new ArrayList<>(keys);
      }
    };
  }
}
