package io.weir.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.sql.parser.ddl.SqlCreateTable;
import io.weir.sql.parser.ddl.SqlCreateView;
import io.weir.sql.parser.ddl.SqlDropTable;
import io.weir.sql.parser.ddl.SqlDropView;
import io.weir.sql.parser.ddl.SqlReset;
import io.weir.sql.parser.ddl.SqlSet;
import io.weir.sql.parser.ddl.SqlStopJob;
import io.weir.sql.parser.ddl.SqlUse;
import io.weir.sql.parser.dql.SqlRichDescribeTable;
import io.weir.sql.parser.dql.SqlRichExplain;
import io.weir.sql.parser.dql.SqlShowCatalogs;
import io.weir.sql.parser.dql.SqlShowCreateTable;
import io.weir.sql.parser.dql.SqlShowCurrentCatalog;
import io.weir.sql.parser.dql.SqlShowCurrentDatabase;
import io.weir.sql.parser.dql.SqlShowDatabases;
import io.weir.sql.parser.dql.SqlShowFunctions;
import io.weir.sql.parser.dql.SqlShowJobs;
import io.weir.sql.parser.dql.SqlShowTables;
import io.weir.sql.parser.dql.SqlShowViews;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatementTest {

  static <T> T parse(Class<T> type, String sql) {
    return assertInstanceOf(type, WeirSqlParser.parseStatement(sql));
  }

  @Test
  void createView() {
    SqlCreateView view = parse(SqlCreateView.class,
        "CREATE TEMPORARY VIEW IF NOT EXISTS db.v (a, b) COMMENT 'v' AS SELECT x, y FROM t");
    assertEquals(List.of("db", "v"), view.name().names);
    assertTrue(view.temporary());
    assertTrue(view.ifNotExists());
    assertEquals(List.of("a", "b"), view.fieldNames());
    assertEquals(Optional.of("v"), view.comment());
    assertInstanceOf(SqlSelect.class, view.query());

    SqlCreateView plain = parse(SqlCreateView.class,
        "CREATE VIEW v AS SELECT * FROM t UNION ALL SELECT * FROM s ORDER BY 1");
    assertFalse(plain.temporary());
    assertFalse(plain.ifNotExists());
    assertTrue(plain.fieldList().isEmpty());
    assertInstanceOf(SqlOrderBy.class, plain.query());
  }

  @Test
  void createViewRoundTrips() {
    SqlNode view = WeirSqlParser.parseStatement(
        "CREATE VIEW v (a) COMMENT 'c' AS SELECT x FROM t WHERE x > 1");
    String text = WeirSqlParser.unparse(view);
    assertEquals("CREATE VIEW `v` (`a`) COMMENT 'c' AS\nSELECT `x`\nFROM `t`\nWHERE `x` > 1", text);
    assertEquals(text, WeirSqlParser.unparse(WeirSqlParser.parseStatement(text)));
  }

  @Test
  void dropTableAndView() {
    SqlDropTable table = parse(SqlDropTable.class, "DROP TABLE db.t");
    assertEquals(List.of("db", "t"), table.name().names);
    assertFalse(table.ifExists());
    assertFalse(table.temporary());

    table = parse(SqlDropTable.class, "DROP TEMPORARY TABLE IF EXISTS t");
    assertTrue(table.ifExists());
    assertTrue(table.temporary());

    SqlDropView view = parse(SqlDropView.class, "DROP VIEW IF EXISTS v");
    assertEquals("v", view.name().getSimple());
    assertTrue(view.ifExists());
    assertFalse(view.temporary());
    assertTrue(parse(SqlDropView.class, "DROP TEMPORARY VIEW v").temporary());

    assertEquals("if", parse(SqlDropTable.class, "DROP TABLE if").name().getSimple());
    assertEquals("DROP TEMPORARY TABLE IF EXISTS `t`",
        WeirSqlParser.unparse(WeirSqlParser.parseStatement("drop temporary table if exists t")));
  }

  /** Flink's catalog statements, which Flink's JDBC driver sends; USE and CATALOGS stay usable as names. */
  @Test
  void catalogStatements() {
    parse(SqlShowCatalogs.class, "SHOW CATALOGS");
    parse(SqlShowDatabases.class, "show databases;");
    parse(SqlShowCurrentCatalog.class, "SHOW CURRENT CATALOG;");
    parse(SqlShowCurrentDatabase.class, "SHOW CURRENT DATABASE");
    SqlUse catalog = parse(SqlUse.class, "USE CATALOG default_catalog;");
    assertTrue(catalog.catalog());
    assertEquals(List.of("default_catalog"), catalog.name().names);
    SqlUse database = parse(SqlUse.class, "USE default_catalog.default_database");
    assertFalse(database.catalog());
    assertEquals(List.of("default_catalog", "default_database"), database.name().names);
    assertEquals("USE CATALOG `c`", WeirSqlParser.unparse(WeirSqlParser.parseStatement("USE CATALOG c")));
    parse(SqlSelect.class, "SELECT use, catalogs, databases FROM t");
  }

  @Test
  void insert() {
    SqlInsert insert = parse(SqlInsert.class, "INSERT INTO sink (a, b) SELECT x, y FROM src");
    assertEquals("sink", ((SqlIdentifier) insert.getTargetTable()).getSimple());
    assertEquals(2, insert.getTargetColumnList().size());
    assertInstanceOf(SqlSelect.class, insert.getSource());

    insert = parse(SqlInsert.class, "INSERT INTO db.sink VALUES (1, 'a'), (2, 'b')");
    assertEquals(SqlKind.VALUES, insert.getSource().getKind());
  }

  @Test
  void withQuery() {
    SqlWith with = parse(SqlWith.class,
        "WITH big AS (SELECT * FROM bid WHERE price > 100) SELECT auction FROM big");
    assertEquals(1, with.withList.size());
  }

  @Test
  void windowTableFunctions() {
    SqlSelect tumble = parse(SqlSelect.class, "SELECT auction, window_start, window_end, COUNT(*)"
        + " FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(dateTime), INTERVAL '10' SECOND))"
        + " GROUP BY auction, window_start, window_end");
    assertEquals(4, tumble.getSelectList().size());
    SqlBasicCall table = assertInstanceOf(SqlBasicCall.class, tumble.getFrom());
    assertEquals(SqlKind.COLLECTION_TABLE, table.getKind());
    SqlBasicCall window = assertInstanceOf(SqlBasicCall.class, table.operand(0));
    assertEquals("TUMBLE", window.getOperator().getName());
    SqlBasicCall descriptor = assertInstanceOf(SqlBasicCall.class, window.operand(1));
    assertEquals("dateTime", ((SqlIdentifier) descriptor.operand(0)).getSimple());

    parse(SqlSelect.class, "SELECT * FROM TABLE(HOP(TABLE bid, DESCRIPTOR(dateTime),"
        + " INTERVAL '2' SECOND, INTERVAL '10' SECOND))");
    parse(SqlSelect.class, "SELECT * FROM TABLE(CUMULATE(TABLE bid, DESCRIPTOR(dateTime),"
        + " INTERVAL '2' SECOND, INTERVAL '10' SECOND))");
    parse(SqlSelect.class, "SELECT * FROM TABLE(SESSION(TABLE bid PARTITION BY bidder,"
        + " DESCRIPTOR(dateTime), INTERVAL '10' SECOND))");
  }

  @Test
  void show() {
    parse(SqlShowTables.class, "SHOW TABLES");
    parse(SqlShowViews.class, "show views");
    parse(SqlShowFunctions.class, "SHOW FUNCTIONS");
    parse(SqlShowJobs.class, "Show Jobs");
    SqlShowCreateTable create = parse(SqlShowCreateTable.class, "SHOW CREATE TABLE db.`my table`");
    assertEquals(List.of("db", "my table"), create.name().names);
    assertEquals("SHOW CREATE TABLE `db`.`my table`", WeirSqlParser.unparse(create));
  }

  @ParameterizedTest
  @ValueSource(strings = {"DESCRIBE db.t", "DESC db.t", "describe table db.t", "DESC TABLE db.t"})
  void describe(String sql) {
    SqlRichDescribeTable describe = parse(SqlRichDescribeTable.class, sql);
    assertEquals(List.of("db", "t"), describe.name().names);
  }

  @Test
  void explain() {
    SqlRichExplain query = parse(SqlRichExplain.class, "EXPLAIN SELECT * FROM t");
    assertInstanceOf(SqlSelect.class, query.statement());
    assertEquals(SqlKind.EXPLAIN, query.getKind());

    SqlRichExplain planFor = parse(SqlRichExplain.class,
        "EXPLAIN PLAN FOR INSERT INTO s SELECT * FROM t");
    assertInstanceOf(SqlInsert.class, planFor.statement());

    // `plan` is still a name.
    SqlRichExplain plan = parse(SqlRichExplain.class, "EXPLAIN SELECT plan FROM plan");
    assertInstanceOf(SqlSelect.class, plan.statement());
  }

  @Test
  void set() {
    SqlSet list = parse(SqlSet.class, "SET");
    assertEquals(Optional.empty(), list.key());
    assertEquals(Optional.empty(), list.value());

    SqlSet set = parse(SqlSet.class, "SET 'state.backend' = 'rocksdb'");
    assertEquals(Optional.of("state.backend"), set.key());
    assertEquals(Optional.of("rocksdb"), set.value());
    assertEquals("SET 'state.backend' = 'rocksdb'", WeirSqlParser.unparse(set));
  }

  @Test
  void reset() {
    assertEquals(Optional.empty(), parse(SqlReset.class, "RESET").key());
    assertEquals(Optional.of("state.backend"),
        parse(SqlReset.class, "RESET 'state.backend'").key());
  }

  @Test
  void stopJob() {
    SqlStopJob stop = parse(SqlStopJob.class, "STOP JOB 'a1b2'");
    assertEquals("a1b2", stop.jobId());
    assertFalse(stop.withSavepoint());

    stop = parse(SqlStopJob.class, "STOP JOB 'a1b2' WITH SAVEPOINT");
    assertTrue(stop.withSavepoint());
    assertEquals("STOP JOB 'a1b2' WITH SAVEPOINT", WeirSqlParser.unparse(stop));
  }

  @Test
  void newKeywordsAreStillNames() {
    SqlSelect select = parse(SqlSelect.class, "SELECT dateTime, DATETIME, watermark, jobs, views,"
        + " functions, tables, metadata, virtual, timestamp_ltz, string, bytes, comment, job, stop,"
        + " enforced, partitioned, `if`, IF(a > 1, 1, 0) FROM jobs");
    assertEquals(19, select.getSelectList().size());
    assertEquals("dateTime", ((SqlIdentifier) select.getSelectList().get(0)).getSimple());
    assertEquals("jobs", ((SqlIdentifier) select.getFrom()).getSimple());
  }

  @Test
  void backQuotedIdentifiersKeepCaseAndMayBeKeywords() {
    SqlSelect select = parse(SqlSelect.class,
        "SELECT `select`, `Value`, `my col`, `a``b` FROM `my table`");
    SqlNodeList items = select.getSelectList();
    assertEquals(List.of("select", "Value", "my col", "a`b"),
        items.stream().map(i -> ((SqlIdentifier) i).getSimple()).toList());
    assertEquals("my table", ((SqlIdentifier) select.getFrom()).getSimple());
  }

  @Test
  void tableHintsSurviveUnparse() {
    String text = WeirSqlParser.unparse(WeirSqlParser.parseStatement(
        "SELECT a FROM t /*+ OPTIONS('scan.startup.mode'='earliest-offset') */"));
    assertTrue(text.contains("/*+ `OPTIONS`('scan.startup.mode' = 'earliest-offset') */"), text);
    assertEquals(text, WeirSqlParser.unparse(WeirSqlParser.parseStatement(text)));
  }

  @Test
  void bangEqualAndPercent() {
    parse(SqlSelect.class, "SELECT a % 2 FROM t WHERE a != b");
  }

  @Test
  void scriptWithComments() {
    List<SqlNode> statements = WeirSqlParser.parseScript("""
        -- the source
        CREATE TABLE bid (auction BIGINT, price BIGINT) WITH ('connector' = 'nexmark');
        /* a setting,
           over two lines */
        SET 'parallelism.default' = '2';

        SELECT auction, /* inline */ price FROM bid; -- trailing comment
        ;
        SHOW JOBS;
        """);
    assertEquals(List.of(SqlCreateTable.class, SqlSet.class, SqlSelect.class, SqlShowJobs.class),
        statements.stream().map(Object::getClass).toList());
    // Positions stay those of the script.
    assertEquals(7, statements.get(2).getParserPosition().getLineNum());
  }

  @Test
  void emptyScript() {
    assertEquals(List.of(), WeirSqlParser.parseScript(""));
    assertEquals(List.of(), WeirSqlParser.parseScript("  -- nothing\n/* at all */ "));
  }

  @Test
  void statementMayEndWithSemicolon() {
    parse(SqlShowTables.class, "SHOW TABLES;");
    parse(SqlShowTables.class, "SHOW TABLES ; -- done");
  }

  @Test
  void expression() {
    SqlNode watermark = WeirSqlParser.parseExpression("dateTime - INTERVAL '4' SECOND");
    assertEquals(SqlKind.MINUS, watermark.getKind());
    assertEquals("`dateTime` - INTERVAL '4' SECOND", WeirSqlParser.unparse(watermark));

    SqlNode computed = WeirSqlParser.parseExpression("CAST(price AS STRING) || `currency`");
    assertEquals("CAST(`price` AS STRING) || `currency`", WeirSqlParser.unparse(computed));
  }
}
