package io.weir.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.common.error.SqlException;
import io.weir.common.plan.ScanSpec;
import io.weir.planner.catalog.Catalog;
import io.weir.sql.parser.WeirSqlParser;
import io.weir.sql.parser.ddl.SqlCreateTable;
import io.weir.sql.parser.ddl.SqlCreateView;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlInsert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Planner tests assert the EXPLAIN text, so a plan change shows in review. */
class PlannerTest {
  /** 'pushdown' accepts projection and filter push-down; every other connector neither. */
  private static final ConnectorCapabilities CAPABILITIES = new ConnectorCapabilities() {
    @Override
    public boolean supportsProjectionPushDown(Map<String, String> options) {
      return options.get("connector").equals("pushdown");
    }

    @Override
    public boolean supportsFilterPushDown(Map<String, String> options) {
      return options.get("connector").equals("pushdown");
    }

    @Override
    public boolean sinkAcceptsUpdates(Map<String, String> options) {
      return options.get("connector").equals("updates");
    }
  };

  private Planner planner;

  @BeforeEach
  void createTables() {
    planner = new Planner(new Catalog(), CAPABILITIES);
    createTable("""
        CREATE TABLE orders (
          id BIGINT,
          customer STRING,
          price DECIMAL(10, 2),
          quantity INT,
          order_time TIMESTAMP(3),
          total AS price * quantity,
          WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
        ) WITH ('connector' = 'plain')""");
    createTable("""
        CREATE TABLE fast_orders (
          id BIGINT,
          customer STRING,
          price DECIMAL(10, 2),
          quantity INT,
          order_time TIMESTAMP(3),
          total AS price * quantity,
          WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
        ) WITH ('connector' = 'pushdown')""");
    createTable("CREATE TABLE sink (customer STRING, amount DECIMAL(20, 2), n BIGINT) WITH ('connector' = 'plain')");
  }

  private void createTable(String ddl) {
    planner.catalog().create(planner.resolveTable((SqlCreateTable) WeirSqlParser.parseStatement(ddl)), false);
  }

  private static io.weir.common.config.Configuration parallelism(int p) {
    return new io.weir.common.config.Configuration().set("parallelism.default", String.valueOf(p));
  }

  private String explain(String sql, int parallelism) {
    return planner.explain(WeirSqlParser.parseStatement(sql), parallelism(parallelism));
  }

  @Test
  void filterAndProjectionStayInCalcWithoutPushDown() {
    assertEquals("""
        == Physical Plan ==
        Collect(fields=[customer, total])
        +- Calc(select=[customer, total], where=[>(total, 100.00)])
           +- TableSourceScan(table=[orders], fields=[customer, total], computed=[total=*(price, quantity)], watermark=[order_time, -(order_time, 5000)])
        """, explain("SELECT customer, total FROM orders WHERE total > 100", 1));
  }

  @Test
  void filterAndProjectionArePushedIntoScansThatAcceptThem() {
    assertEquals("""
        == Physical Plan ==
        Collect(fields=[customer, total])
        +- TableSourceScan(table=[fast_orders], fields=[customer, total], computed=[total=*(price, quantity)], watermark=[order_time, -(order_time, 5000)], filter=[>(total, 100.00)])
        """, explain("SELECT customer, total FROM fast_orders WHERE total > 100", 1));
    ScanSpec scan = (ScanSpec) planner.planQuery(
        WeirSqlParser.parseStatement("SELECT customer FROM fast_orders"), parallelism(1), "r").graph().nodes().get(0).spec();
    // Reads only what the output, the computed columns and the watermark need: no id.
    assertEquals(List.of(1, 4), scan.readFields());
    ScanSpec plain = (ScanSpec) planner.planQuery(
        WeirSqlParser.parseStatement("SELECT customer FROM orders"), parallelism(1), "r").graph().nodes().get(0).spec();
    assertEquals(List.of(0, 1, 2, 3, 4), plain.readFields());
  }

  @Test
  void parallelQueryGathersIntoOneCollector() {
    assertEquals("""
        == Physical Plan ==
        Collect(fields=[id, c])
        +- Exchange(distribution=[single])
           +- Calc(select=[id, UPPER(customer) AS c], where=[IS NOT NULL(customer)])
              +- TableSourceScan(table=[orders], fields=[id, customer], watermark=[order_time, -(order_time, 5000)])
        """, explain("SELECT id, UPPER(customer) AS c FROM orders WHERE customer IS NOT NULL", 4));
  }

  @Test
  void insertCastsToTheSinkSchema() {
    assertEquals("""
        == Physical Plan ==
        Sink(table=[sink], fields=[customer, amount, n])
        +- Calc(select=[customer, total AS amount, CAST(quantity AS BIGINT) AS n])
           +- TableSourceScan(table=[orders], fields=[customer, quantity, total], computed=[total=*(price, quantity)], watermark=[order_time, -(order_time, 5000)])
        """, explain("INSERT INTO sink SELECT customer, total, quantity FROM orders", 1));
  }

  @Test
  void insertWithColumnListFillsTheRestWithNull() {
    String plan = explain("INSERT INTO sink (n, customer) SELECT id, customer FROM orders", 1);
    assertTrue(plan.contains("Calc(select=[customer, null:DECIMAL(20, 2) AS amount, id AS n])"), plan);
  }

  @Test
  void viewsAreExpandedAndUnionsMerge() {
    planner.catalog().create(planner.resolveView((SqlCreateView) WeirSqlParser.parseStatement(
        "CREATE VIEW big AS SELECT id, customer FROM orders WHERE quantity > 10")), false);
    assertEquals("""
        == Physical Plan ==
        Collect(fields=[id, customer])
        +- Union(all=[true], union=[id, customer])
           :- Calc(select=[id, customer], where=[>(quantity, 10)])
           :  +- TableSourceScan(table=[orders], fields=[id, customer, quantity], watermark=[order_time, -(order_time, 5000)])
           +- Calc(select=[id, customer], where=[<(id, 3)])
              +- TableSourceScan(table=[orders], fields=[id, customer], watermark=[order_time, -(order_time, 5000)])
        """, explain("SELECT * FROM big UNION ALL SELECT id, customer FROM orders WHERE id < 3", 1));
  }

  @Test
  void unknownTableColumnAndFunctionArePositioned() {
    SqlException table = assertThrows(SqlException.class, () -> explain("SELECT *\nFROM nope", 1));
    assertEquals(2, table.line());
    assertEquals(6, table.column());
    assertTrue(table.getMessage().contains("Object 'nope' not found"), table.getMessage());

    SqlException column = assertThrows(SqlException.class, () -> explain("SELECT idd FROM orders", 1));
    assertEquals(1, column.line());
    assertEquals(8, column.column());
    assertTrue(column.getMessage().contains("Column 'idd' not found"), column.getMessage());

    SqlException function = assertThrows(SqlException.class, () -> explain("SELECT FROBNICATE(id) FROM orders", 1));
    assertEquals(8, function.column());
    assertTrue(function.getMessage().contains("No match found for function signature FROBNICATE"), function.getMessage());
  }

  @Test
  void insertWithWrongColumnCountNamesBothSchemas() {
    SqlException e = assertThrows(SqlException.class,
        () -> planner.planInsert((SqlInsert) WeirSqlParser.parseStatement("INSERT INTO sink SELECT id FROM orders"), parallelism(1)));
    assertTrue(e.getMessage().contains("Different number of columns"), e.getMessage());
    assertTrue(e.getMessage().contains("Sink schema:  (`customer` STRING, `amount` DECIMAL(20, 2), `n` BIGINT)"), e.getMessage());
  }

  @Test
  void badDdlFailsAtCreateWithPosition() {
    SqlException wmType = assertThrows(SqlException.class, () -> createTable(
        "CREATE TABLE t (a INT, WATERMARK FOR a AS a - 1) WITH ('connector'='plain')"));
    assertTrue(wmType.getMessage().contains("must be of type TIMESTAMP(p) or TIMESTAMP_LTZ(p)"), wmType.getMessage());
    assertEquals(38, wmType.column());

    SqlException computed = assertThrows(SqlException.class, () -> createTable(
        "CREATE TABLE t (a INT,\n  b AS c + 1) WITH ('connector'='plain')"));
    assertEquals(2, computed.line());
    assertTrue(computed.getMessage().contains("Column 'c' not found"), computed.getMessage());
  }

  @Test
  void flinkTypesResolveToWeirTypes() {
    createTable("""
        CREATE TABLE typed (
          s STRING NOT NULL, b BYTES, v VARCHAR, v10 VARCHAR(10), d DECIMAL(38, 18), ts TIMESTAMP(3),
          ltz TIMESTAMP_LTZ(3), dt DATE, t TIME, arr ARRAY<INT NOT NULL>, m MAP<STRING, BIGINT>,
          r ROW<a INT, b ARRAY<STRING>>
        ) WITH ('connector' = 'plain')""");
    var table = (io.weir.planner.catalog.CatalogTable) planner.catalog().get("typed").orElseThrow();
    assertEquals("(`s` STRING NOT NULL, `b` BYTES, `v` STRING, `v10` VARCHAR(10), `d` DECIMAL(38, 18), "
        + "`ts` TIMESTAMP(3), `ltz` TIMESTAMP_LTZ(3), `dt` DATE, `t` TIME(0), `arr` ARRAY<INT NOT NULL>, "
        + "`m` MAP<STRING, BIGINT>, `r` ROW<`a` INT, `b` ARRAY<STRING>>)", table.rowType().toString());
  }

  @Test
  void unknownTypeIsAnErrorWithPosition() {
    SqlException e = assertThrows(SqlException.class, () -> createTable(
        "CREATE TABLE t (a STRIN) WITH ('connector'='plain')"));
    assertEquals(1, e.line());
    assertEquals(19, e.column());
  }

  @Test
  void groupAggregationHashesByItsKeysAndUpdates() {
    assertEquals("""
        == Physical Plan ==
        Collect(fields=[customer, n, total], changelogMode=[I,UB,UA])
        +- Exchange(distribution=[single])
           +- Calc(select=[customer, n, total], where=[>(n, 1)], changelogMode=[I,UB,UA])
              +- GroupAggregate(groupBy=[customer], select=[customer, COUNT(*) AS n, SUM(quantity) AS total], changelogMode=[I,UB,UA])
                 +- Exchange(distribution=[hash[customer]])
                    +- TableSourceScan(table=[orders], fields=[customer, quantity], watermark=[order_time, -(order_time, 5000)])
        """, explain("SELECT customer, COUNT(*) AS n, SUM(quantity) AS total FROM orders GROUP BY customer HAVING COUNT(*) > 1", 2));
  }

  @Test
  void aggregatesOverAnUpdatingInputRetract() {
    String plan = explain("SELECT n, COUNT(*) AS customers FROM "
        + "(SELECT customer, COUNT(*) AS n FROM orders GROUP BY customer) GROUP BY n", 1);
    assertTrue(plan.contains("GroupAggregate(groupBy=[n], retract=[true], select=[n, COUNT(*) AS customers], changelogMode=[I,UB,UA,D])"), plan);
  }

  @Test
  void updatingResultIntoAnAppendOnlySinkIsRefusedAtPlanning() {
    io.weir.common.error.WeirException e = assertThrows(io.weir.common.error.WeirException.class,
        () -> explain("INSERT INTO sink SELECT customer, SUM(total), COUNT(*) FROM orders GROUP BY customer", 1));
    assertEquals("Table sink 'sink' doesn't support consuming update changes which is produced by node "
        + "GroupAggregate(groupBy=[customer], select=[customer, SUM(total) AS EXPR$1, COUNT(*) AS EXPR$2])", e.getMessage());
  }

  @Test
  void filterClauseAndDistinct() {
    String plan = explain("SELECT customer, COUNT(DISTINCT id) FILTER (WHERE quantity > 2) AS big FROM orders GROUP BY customer", 1);
    assertTrue(plan.contains("COUNT(DISTINCT id) FILTER (WHERE $f2) AS big"), plan);
  }
}
