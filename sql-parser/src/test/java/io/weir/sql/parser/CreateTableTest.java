package io.weir.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.common.error.SqlException;
import io.weir.sql.parser.ddl.SqlComputedColumn;
import io.weir.sql.parser.ddl.SqlCreateTable;
import io.weir.sql.parser.ddl.SqlMetadataColumn;
import io.weir.sql.parser.ddl.SqlPhysicalColumn;
import io.weir.sql.parser.ddl.SqlTableColumn;
import io.weir.sql.parser.ddl.SqlWatermark;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.util.Litmus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreateTableTest {

  static final String NEXMARK_BID = "CREATE TABLE bid (auction BIGINT, bidder BIGINT, price BIGINT,"
      + " channel VARCHAR, url VARCHAR, dateTime TIMESTAMP(3), extra VARCHAR,"
      + " WATERMARK FOR dateTime AS dateTime - INTERVAL '4' SECOND) WITH ('connector'='nexmark')";

  static SqlCreateTable createTable(String sql) {
    return assertInstanceOf(SqlCreateTable.class, WeirSqlParser.parseStatement(sql));
  }

  static SqlBasicTypeNameSpec basic(SqlDataTypeSpec spec) {
    return assertInstanceOf(SqlBasicTypeNameSpec.class, spec.getTypeNameSpec());
  }

  @Test
  void nexmarkBid() {
    SqlCreateTable table = createTable(NEXMARK_BID);

    assertEquals("bid", table.name().getSimple());
    assertFalse(table.ifNotExists());
    assertFalse(table.temporary());
    List<String> names = table.columns().stream().map(c -> c.name().getSimple()).toList();
    assertEquals(List.of("auction", "bidder", "price", "channel", "url", "dateTime", "extra"),
        names);
    table.columns().forEach(c -> assertInstanceOf(SqlPhysicalColumn.class, c));

    SqlPhysicalColumn dateTime = (SqlPhysicalColumn) table.columns().get(5);
    assertEquals("TIMESTAMP", basic(dateTime.type()).getTypeName().getSimple());
    assertEquals(3, basic(dateTime.type()).getPrecision());
    assertEquals(Boolean.TRUE, dateTime.type().getNullable());

    SqlWatermark watermark = table.watermark().orElseThrow();
    assertEquals("dateTime", watermark.eventTimeColumn().getSimple());
    assertEquals("`dateTime` - INTERVAL '4' SECOND", WeirSqlParser.unparse(watermark.expression()));

    assertEquals(Map.of("connector", "nexmark"), table.options());
    assertEquals(List.of(), table.primaryKey());
    assertEquals(Optional.empty(), table.comment());
  }

  @Test
  void everyKindOfColumn() {
    SqlCreateTable table = createTable("CREATE TEMPORARY TABLE IF NOT EXISTS db.orders (\n"
        + "  id BIGINT NOT NULL COMMENT 'order id',\n"
        + "  price DECIMAL(10, 2),\n"
        + "  total AS price * 2 COMMENT 'computed',\n"
        + "  ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL,\n"
        + "  `partition` INT METADATA,\n"
        + "  headers MAP<STRING, BYTES> METADATA VIRTUAL COMMENT 'kafka headers'\n"
        + ") COMMENT 'all orders' PARTITIONED BY (id) WITH ('connector' = 'kafka')");

    assertEquals(List.of("db", "orders"), table.name().names);
    assertTrue(table.ifNotExists());
    assertTrue(table.temporary());
    assertEquals(Optional.of("all orders"), table.comment());
    assertEquals(List.of("id"), table.partitionKeys());

    List<SqlTableColumn> columns = table.columns();
    SqlPhysicalColumn id = assertInstanceOf(SqlPhysicalColumn.class, columns.get(0));
    assertEquals(Boolean.FALSE, id.type().getNullable());
    assertEquals(Optional.of("order id"), id.comment());

    SqlPhysicalColumn price = assertInstanceOf(SqlPhysicalColumn.class, columns.get(1));
    assertEquals(10, basic(price.type()).getPrecision());
    assertEquals(2, basic(price.type()).getScale());

    SqlComputedColumn total = assertInstanceOf(SqlComputedColumn.class, columns.get(2));
    assertEquals("`price` * 2", WeirSqlParser.unparse(total.expression()));
    assertEquals(Optional.of("computed"), total.comment());

    SqlMetadataColumn ts = assertInstanceOf(SqlMetadataColumn.class, columns.get(3));
    assertEquals(Optional.of("timestamp"), ts.metadataKey());
    assertTrue(ts.virtual());
    assertEquals(3, basic(ts.type()).getPrecision());

    SqlMetadataColumn partition = assertInstanceOf(SqlMetadataColumn.class, columns.get(4));
    assertEquals("partition", partition.name().getSimple());
    assertEquals(Optional.empty(), partition.metadataKey());
    assertFalse(partition.virtual());

    SqlMetadataColumn headers = assertInstanceOf(SqlMetadataColumn.class, columns.get(5));
    assertTrue(headers.virtual());
    assertEquals(Optional.of("kafka headers"), headers.comment());
  }

  @Test
  void primaryKeyInline() {
    SqlCreateTable table = createTable(
        "CREATE TABLE t (id INT PRIMARY KEY NOT ENFORCED, v STRING) WITH ('connector' = 'x')");
    assertEquals(List.of("id"), table.primaryKey());
  }

  @Test
  void primaryKeyAsConstraint() {
    SqlCreateTable table = createTable("CREATE TABLE t (a INT, b INT, c INT,"
        + " CONSTRAINT pk PRIMARY KEY (a, b) NOT ENFORCED) WITH ('connector' = 'x')");
    assertEquals(List.of("a", "b"), table.primaryKey());

    table = createTable("CREATE TABLE t (a INT, b INT, PRIMARY KEY (b) NOT ENFORCED)");
    assertEquals(List.of("b"), table.primaryKey());
  }

  @Test
  void optionsKeepTheirOrderAndEscapes() {
    SqlCreateTable table = createTable("CREATE TABLE t (a INT) WITH ("
        + "'connector' = 'kafka', 'topic' = 'it''s', 'properties.bootstrap.servers' = 'b:9092',"
        + " 'format' = 'json')");
    assertEquals(List.of("connector", "topic", "properties.bootstrap.servers", "format"),
        List.copyOf(table.options().keySet()));
    assertEquals("it's", table.options().get("topic"));
    assertEquals("topic", table.optionList().get(1).key());
    assertEquals(1, table.optionList().get(1).getParserPosition().getLineNum());
  }

  @Test
  void withClauseIsOptionalAndMayBeEmpty() {
    assertEquals(Map.of(), createTable("CREATE TABLE t (a INT)").options());
    assertEquals(Map.of(), createTable("CREATE TABLE t (a INT) WITH ()").options());
  }

  @Test
  void keywordsAsColumnNames() {
    SqlCreateTable table = createTable("CREATE TABLE `if` (watermark INT, comment STRING,"
        + " metadata INT, virtual INT, string STRING, bytes BYTES, jobs INT, `select` INT,"
        + " `Value` INT, WATERMARK FOR `select` AS `select`)");
    assertEquals("if", table.name().getSimple());
    assertEquals(List.of("watermark", "comment", "metadata", "virtual", "string", "bytes", "jobs",
        "select", "Value"), table.columns().stream().map(c -> c.name().getSimple()).toList());
    assertEquals("select", table.watermark().orElseThrow().eventTimeColumn().getSimple());
  }

  @Test
  void tableCalledIf() {
    assertEquals("if", createTable("CREATE TABLE if (a INT)").name().getSimple());
    assertTrue(createTable("CREATE TABLE IF NOT EXISTS if (a INT)").ifNotExists());
  }

  @Test
  void identifiersKeepTheirCase() {
    SqlCreateTable table = createTable("CREATE TABLE MyTable (dateTime TIMESTAMP(3))");
    assertEquals("MyTable", table.name().getSimple());
    assertEquals("dateTime", table.columns().get(0).name().getSimple());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      NEXMARK_BID,
      "CREATE TEMPORARY TABLE IF NOT EXISTS `db`.`t` (\n"
          + "  id INT NOT NULL PRIMARY KEY NOT ENFORCED COMMENT 'the id',\n"
          + "  s STRING, b BYTES, ts TIMESTAMP_LTZ(3), lts TIMESTAMP(6) WITH LOCAL TIME ZONE,\n"
          + "  r ROW<a ARRAY<INT NOT NULL>, b MAP<STRING, INT>> NOT NULL,\n"
          + "  r2 ROW(x INT NOT NULL, y DOUBLE), m MULTISET<STRING>, arr INT ARRAY,\n"
          + "  c AS id + 1 COMMENT 'c''s',\n"
          + "  k INT METADATA FROM 'key' VIRTUAL,\n"
          + "  d DECIMAL(10, 2), `my col` VARCHAR(20), t TIME(3), dt DATE,\n"
          + "  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND\n"
          + ") COMMENT '表' PARTITIONED BY (s, b)"
          + " WITH ('connector' = 'kafka', 'topic' = 'it''s')",
      "CREATE TABLE t (a INT, b INT, PRIMARY KEY (a, b) NOT ENFORCED)",
  })
  void unparseRoundTrips(String sql) {
    SqlNode first = WeirSqlParser.parseStatement(sql);
    String text = WeirSqlParser.unparse(first);
    SqlNode second = WeirSqlParser.parseStatement(text);

    assertTrue(first.equalsDeep(second, Litmus.THROW), text);
    assertEquals(text, WeirSqlParser.unparse(second));
  }

  @Test
  void unparseLayout() {
    assertEquals("CREATE TABLE `bid` (\n"
        + "  `auction` BIGINT,\n"
        + "  `bidder` BIGINT,\n"
        + "  `price` BIGINT,\n"
        + "  `channel` VARCHAR,\n"
        + "  `url` VARCHAR,\n"
        + "  `dateTime` TIMESTAMP(3),\n"
        + "  `extra` VARCHAR,\n"
        + "  WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '4' SECOND\n"
        + ")\n"
        + "WITH (\n"
        + "  'connector' = 'nexmark'\n"
        + ")", WeirSqlParser.unparse(WeirSqlParser.parseStatement(NEXMARK_BID)));
  }

  @Test
  void unparseWritesInlineKeyAsConstraint() {
    SqlNode table = WeirSqlParser.parseStatement(
        "CREATE TABLE t (id INT PRIMARY KEY NOT ENFORCED, name STRING NOT NULL)");
    assertEquals("CREATE TABLE `t` (\n"
        + "  `id` INTEGER,\n"
        + "  `name` STRING NOT NULL,\n"
        + "  PRIMARY KEY (`id`) NOT ENFORCED\n"
        + ")", WeirSqlParser.unparse(table));
  }

  @Test
  void rejectsSecondPrimaryKey() {
    SqlException e = assertThrows(SqlException.class, () -> WeirSqlParser.parseStatement(
        "CREATE TABLE t (a INT PRIMARY KEY NOT ENFORCED,\n b INT, PRIMARY KEY (b) NOT ENFORCED)"));
    assertEquals(2, e.line());
    assertEquals(9, e.column());
    assertTrue(e.getMessage().contains("only one PRIMARY KEY"), e.getMessage());
  }

  @Test
  void rejectsSecondWatermark() {
    SqlException e = assertThrows(SqlException.class, () -> WeirSqlParser.parseStatement(
        "CREATE TABLE t (ts TIMESTAMP(3), WATERMARK FOR ts AS ts, WATERMARK FOR ts AS ts)"));
    assertEquals(58, e.column());
    assertTrue(e.getMessage().contains("only one WATERMARK"), e.getMessage());
  }

  @Test
  void rejectsDuplicateColumn() {
    SqlException e = assertThrows(SqlException.class,
        () -> WeirSqlParser.parseStatement("CREATE TABLE t (a INT, b INT, a STRING)"));
    assertEquals(31, e.column());
    assertTrue(e.getMessage().contains("column `a` is declared more than once"), e.getMessage());
  }

  @Test
  void rejectsDuplicateOption() {
    SqlException e = assertThrows(SqlException.class, () -> WeirSqlParser.parseStatement(
        "CREATE TABLE t (a INT) WITH ('k' = 'v',\n'k' = 'w')"));
    assertEquals(2, e.line());
    assertEquals(1, e.column());
    assertTrue(e.getMessage().contains("option 'k' is given more than once"), e.getMessage());
  }

  @Test
  void primaryKeyMustBeNotEnforced() {
    SqlException missing = assertThrows(SqlException.class,
        () -> WeirSqlParser.parseStatement("CREATE TABLE t (a INT PRIMARY KEY, b INT)"));
    assertEquals(23, missing.column());
    assertTrue(missing.getMessage().contains("NOT ENFORCED"), missing.getMessage());

    SqlException enforced = assertThrows(SqlException.class, () -> WeirSqlParser.parseStatement(
        "CREATE TABLE t (a INT, PRIMARY KEY (a) ENFORCED)"));
    assertTrue(enforced.getMessage().contains("does not enforce primary keys"),
        enforced.getMessage());
  }

  @Test
  void rejectsCreateOrReplace() {
    SqlException e = assertThrows(SqlException.class,
        () -> WeirSqlParser.parseStatement("CREATE OR REPLACE TABLE t (a INT)"));
    assertEquals(1, e.column());
    assertTrue(e.getMessage().contains("CREATE OR REPLACE is not supported"), e.getMessage());
  }
}
