package io.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.common.data.Row;
import io.weir.common.data.RowKind;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableRendererTest {
  private static final RowType SCHEMA = RowType.builder()
      .add("id", LogicalType.integer())
      .add("name", LogicalType.string())
      .add("price", LogicalType.decimal(10, 2))
      .add("ts", LogicalType.timestamp(3))
      .add("ok", LogicalType.bool())
      .build();

  @Test
  void changelogTableHasAnOpColumnAndTypeWidths() {
    StringWriter text = new StringWriter();
    ChangelogTable table = new ChangelogTable(SCHEMA, ZoneOffset.UTC, new PrintWriter(text));
    table.printHeader();
    table.printRow(Row.of(1, "apple", new BigDecimal("1.50"), 0L, true));
    table.printRow(Row.ofKind(RowKind.UPDATE_BEFORE, 1, "apple", new BigDecimal("1.50"), 0L, true));
    table.printRow(Row.ofKind(RowKind.UPDATE_AFTER, 1, null, null, null, null));
    table.printRow(Row.ofKind(RowKind.DELETE, 2, "x".repeat(40), new BigDecimal("-12345678.99"), 1_000L, false));
    table.printEnd();
    String border = "+----+-------------+--------------------------------+--------------+-------------------------+--------+";
    assertEquals(String.join("\n",
        border,
        "| op |          id |                           name |        price |                      ts |     ok |",
        border,
        "| +I |           1 |                          apple |         1.50 | 1970-01-01 00:00:00.000 |   TRUE |",
        "| -U |           1 |                          apple |         1.50 | 1970-01-01 00:00:00.000 |   TRUE |",
        "| +U |           1 |                         <NULL> |       <NULL> |                  <NULL> | <NULL> |",
        "| -D |           2 | xxxxxxxxxxxxxxxxxxxxxxxxxxx... | -12345678.99 | 1970-01-01 00:00:01.000 |  FALSE |",
        border,
        "Received a total of 4 rows",
        ""), text.toString().replace(System.lineSeparator(), "\n"));
    assertEquals(4, table.rowCount());
  }

  @Test
  void emptyQueryPrintsHeaderAndCount() {
    StringWriter text = new StringWriter();
    ChangelogTable table = new ChangelogTable(RowType.builder().add("a_very_long_column_name", LogicalType.integer()).build(),
        ZoneOffset.UTC, new PrintWriter(text));
    table.printHeader();
    table.printEnd();
    assertEquals(String.join("\n",
        "+----+-------------------------+",
        "| op | a_very_long_column_name |",
        "+----+-------------------------+",
        "Received a total of 0 rows",
        ""), text.toString().replace(System.lineSeparator(), "\n"));
  }

  @Test
  void boxedTableFitsItsContent() {
    RowType schema = RowType.builder().add("key", LogicalType.string()).add("value", LogicalType.string()).build();
    String text = BoxedTable.render(schema,
        List.of(Row.of("table.dml-sync", "true"), Row.of("parallelism.default", null)), ZoneOffset.UTC);
    assertEquals(String.join("\n",
        "+---------------------+--------+",
        "|                 key |  value |",
        "+---------------------+--------+",
        "|      table.dml-sync |   true |",
        "| parallelism.default | <NULL> |",
        "+---------------------+--------+",
        "2 rows in set",
        ""), text);
  }

  @Test
  void boxedTableCutsWhenAskedAndSaysEmptySet() {
    RowType schema = RowType.builder().add("v", LogicalType.string()).build();
    String text = BoxedTable.render(schema, List.of(Row.of("abcdefghijkl")), ZoneOffset.UTC, 8);
    assertTrue(text.contains("| abcde... |"), text);
    assertTrue(text.endsWith("1 row in set\n"), text);
    assertEquals("Empty set\n", BoxedTable.render(schema, List.of(), ZoneOffset.UTC));
  }

  @Test
  void cutsByDisplayWidthAndFlattensLineBreaks() {
    assertEquals("abcdefg", TableLayout.fit("abcdefg", 7));
    assertEquals("abcd...", TableLayout.fit("abcdefgh", 7));
    assertEquals("a b", TableLayout.fit("a\nb", 7));
    // Each of these characters takes two terminal cells.
    assertEquals(4, TableLayout.displayWidth("中文"));
    assertEquals("中...", TableLayout.fit("中文字符", 6));
    assertEquals("..", TableLayout.fit("abcdef", 2));
  }

  @Test
  void typeWidths() {
    assertEquals(11, TableLayout.widthOf(LogicalType.integer()));
    assertEquals(20, TableLayout.widthOf(LogicalType.bigint()));
    assertEquals(23, TableLayout.widthOf(LogicalType.timestamp(3)));
    assertEquals(19, TableLayout.widthOf(LogicalType.timestampLtz(0)));
    assertEquals(30, TableLayout.widthOf(LogicalType.string()));
    assertEquals(10, TableLayout.widthOf(LogicalType.varchar(10)));
    assertEquals(6, TableLayout.widthOf(LogicalType.bool()), "never narrower than <NULL>");
    assertEquals(6, TableLayout.widthOf(LogicalType.chr(1)));
  }
}
