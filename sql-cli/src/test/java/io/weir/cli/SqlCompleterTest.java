package io.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.junit.jupiter.api.Test;

class SqlCompleterTest {
  private final SqlCompleter completer = new SqlCompleter(new ShellCatalog() {
    @Override
    public Map<String, List<String>> tables() {
      Map<String, List<String>> tables = new LinkedHashMap<>();
      tables.put("orders", List.of("order_id", "amount"));
      tables.put("customers", List.of("customer_id", "name"));
      return tables;
    }

    @Override
    public List<String> functions() {
      return List.of("UPPER", "TUMBLE");
    }

    @Override
    public List<String> optionKeys() {
      return List.of("table.dml-sync", ShellOptions.RESULT_MODE);
    }
  });

  /** The candidates JLine would keep for what was typed: those starting with the last word. */
  private List<String> complete(String typed) {
    int space = typed.lastIndexOf(' ');
    String word = typed.substring(space + 1);
    return completer.complete(typed, typed.substring(0, space + 1), word).stream()
        .map(Candidate::value)
        .filter(v -> v.toLowerCase().startsWith(word.toLowerCase()))
        .toList();
  }

  @Test
  void afterFromOnlyTables() {
    assertEquals(List.of("orders"), complete("SELECT * FROM or"));
    assertEquals(List.of("orders", "customers"), complete("SELECT * FROM o JOIN "));
  }

  @Test
  void columnsOfTheTablesTheStatementNames() {
    assertEquals(List.of("amount"), complete("SELECT * FROM orders WHERE am"));
    assertEquals(List.of(), complete("SELECT * FROM customers WHERE am"));
    assertTrue(complete("SELECT na").contains("name"), "no table named yet: every table's columns");
    assertEquals(List.of("orders.order_id", "orders.amount"), complete("SELECT orders."));
  }

  @Test
  void keywordsInTheCaseTypedAndFunctions() {
    assertEquals(List.of("where"), complete("select * from orders wher"));
    assertEquals(List.of("WHERE"), complete("SELECT * FROM orders WHER"));
    assertEquals(List.of("UPPER"), complete("SELECT UPP"));
  }

  @Test
  void setKeysInQuotes() {
    assertEquals(List.of("'" + ShellOptions.RESULT_MODE + "'"), complete("SET 'sql-c"));
    assertEquals(List.of("'table.dml-sync'"), complete("RESET 'table"));
  }

  @Test
  void aFailingCatalogOffersNothing() {
    SqlCompleter broken = new SqlCompleter(new ShellCatalog() {
      @Override
      public Map<String, List<String>> tables() {
        throw new IllegalStateException("catalog gone");
      }

      @Override
      public List<String> functions() {
        return List.of();
      }

      @Override
      public List<String> optionKeys() {
        return List.of();
      }
    });
    assertEquals(List.of(), broken.complete("SELECT ", "SELECT ", ""));
  }
}
