package io.weir.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.common.config.Configuration;
import io.weir.common.error.WeirException;
import io.weir.planner.catalog.Catalog;
import io.weir.sql.parser.WeirSqlParser;
import io.weir.sql.parser.ddl.SqlCreateTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Plans of windows, Top-N, deduplication and OVER aggregation, asserted as EXPLAIN text. */
class WindowPlanTest {
  private Planner planner;

  @BeforeEach
  void createTables() {
    planner = new Planner(new Catalog(), ConnectorCapabilities.none());
    planner.catalog().create(planner.resolveTable((SqlCreateTable) WeirSqlParser.parseStatement("""
        CREATE TABLE bid (
          auction BIGINT, price BIGINT, bidder STRING, dateTime TIMESTAMP(3), pt AS PROCTIME(),
          WATERMARK FOR dateTime AS dateTime - INTERVAL '4' SECOND
        ) WITH ('connector' = 'x')""")), false);
  }

  private String explain(String sql) {
    return planner.explain(WeirSqlParser.parseStatement(sql), new Configuration().set("parallelism.default", "2"));
  }

  @Test
  void hopWindowAggregateReadsTheWindowFunctionsInput() {
    assertEquals("""
        == Physical Plan ==
        Collect(fields=[auction, window_start, window_end, n])
        +- Exchange(distribution=[single])
           +- Calc(select=[auction, window_start, window_end, n])
              +- WindowAggregate(groupBy=[auction], window=[HOP(size=[10000 ms], slide=[2000 ms]) on dateTime], select=[auction, COUNT(*) AS n, window_start, window_end, window_time])
                 +- Exchange(distribution=[hash[auction]])
                    +- TableSourceScan(table=[bid], fields=[auction, dateTime], watermark=[dateTime, -(dateTime, 4000)])
        """, explain("SELECT auction, window_start, window_end, COUNT(*) AS n FROM TABLE(HOP(TABLE bid, "
            + "DESCRIPTOR(dateTime), INTERVAL '2' SECOND, INTERVAL '10' SECOND)) GROUP BY auction, window_start, window_end"));
  }

  @Test
  void legacyGroupWindowBecomesAWindowAggregate() {
    String plan = explain("SELECT auction, TUMBLE_START(dateTime, INTERVAL '10' SECOND) AS s, "
        + "TUMBLE_END(dateTime, INTERVAL '10' SECOND) AS e, COUNT(*) FROM bid GROUP BY TUMBLE(dateTime, INTERVAL '10' SECOND), auction");
    assertTrue(plan.contains("Calc(select=[auction, window_start AS s, window_end AS e, EXPR$3])"), plan);
    assertTrue(plan.contains("WindowAggregate(groupBy=[auction], window=[TUMBLE(size=[10000 ms]) on dateTime]"), plan);
  }

  @Test
  void windowTableFunctionOnProcessingTime() {
    assertEquals("""
        == Physical Plan ==
        Collect(fields=[auction, window_start, window_end])
        +- Exchange(distribution=[single])
           +- Calc(select=[auction, window_start, window_end])
              +- WindowTableFunction(window=[CUMULATE(max_size=[10000 ms], step=[2000 ms]) on pt])
                 +- TableSourceScan(table=[bid], fields=[auction, price, bidder, dateTime, pt], computed=[pt=PROCTIME()], watermark=[dateTime, -(dateTime, 4000)])
        """, explain("SELECT auction, window_start, window_end FROM TABLE(CUMULATE(TABLE bid, DESCRIPTOR(pt), "
            + "INTERVAL '2' SECOND, INTERVAL '10' SECOND))"));
  }

  /** Regression: PROCTIME() computed in a view (Nexmark q12) was not a time attribute. */
  @Test
  void procTimeComputedInAViewIsATimeAttribute() {
    planner.catalog().create(planner.resolveView((io.weir.sql.parser.ddl.SqlCreateView) WeirSqlParser.parseStatement(
        "CREATE VIEW b AS SELECT bidder, PROCTIME() AS p_time FROM bid")), false);
    assertEquals("""
        == Physical Plan ==
        Collect(fields=[bidder, EXPR$1])
        +- Exchange(distribution=[single])
           +- Calc(select=[bidder, EXPR$1])
              +- WindowAggregate(groupBy=[bidder], window=[TUMBLE(size=[10000 ms]) on p_time (proctime)], select=[bidder, COUNT(*) AS EXPR$1, window_start, window_end, window_time])
                 +- Exchange(distribution=[hash[bidder]])
                    +- Calc(select=[bidder, PROCTIME() AS p_time])
                       +- TableSourceScan(table=[bid], fields=[bidder], watermark=[dateTime, -(dateTime, 4000)])
        """, explain("SELECT bidder, COUNT(*) FROM TABLE(TUMBLE(TABLE b, DESCRIPTOR(p_time), INTERVAL '10' SECOND)) "
            + "GROUP BY bidder, window_start, window_end"));
  }

  @Test
  void windowOnAColumnThatIsNotATimeAttributeIsRefused() {
    planner.catalog().create(planner.resolveTable((SqlCreateTable) WeirSqlParser.parseStatement(
        "CREATE TABLE plain (ts TIMESTAMP(3)) WITH ('connector' = 'x')")), false);
    WeirException e = assertThrows(WeirException.class,
        () -> explain("SELECT * FROM TABLE(TUMBLE(TABLE plain, DESCRIPTOR(ts), INTERVAL '1' MINUTE))"));
    assertTrue(e.getMessage().contains("requires its time column 'ts' to be a time attribute"), e.getMessage());
  }

  @Test
  void topNUpdatesAndDedupKeepsFirstOrLast() {
    String top = explain("SELECT auction, price, rn FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction "
        + "ORDER BY price DESC) AS rn FROM bid) WHERE rn <= 3");
    assertTrue(top.contains("Rank(rankType=[ROW_NUMBER], rankRange=[rankStart=1, rankEnd=3], partitionBy=[auction], "
        + "orderBy=[price DESC], select=[auction, price, bidder, dateTime, pt, rn], changelogMode=[I,UB,UA,D])"), top);
    String last = explain("SELECT auction, price FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction "
        + "ORDER BY dateTime DESC) AS rn FROM bid) WHERE rn = 1");
    assertTrue(last.contains("Deduplicate(keep=[LastRow], key=[auction], order=[ROWTIME], changelogMode=[I,UB,UA])"), last);
    String first = explain("SELECT auction, price FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction "
        + "ORDER BY pt ASC) AS rn FROM bid) WHERE rn = 1");
    assertTrue(first.contains("Deduplicate(keep=[FirstRow], key=[auction], order=[PROCTIME])\n"), first);
  }

  @Test
  void windowTopNIsInsertOnly() {
    assertEquals("""
        == Physical Plan ==
        Collect(fields=[window_start, window_end, auction, n, rn])
        +- Exchange(distribution=[single])
           +- WindowRank(window=[window_end], rankRange=[rankStart=1, rankEnd=2], partitionBy=[window_start, window_end], orderBy=[n DESC], select=[window_start, window_end, auction, n, rn])
              +- Exchange(distribution=[hash[window_start, window_end]])
                 +- Calc(select=[window_start, window_end, auction, n])
                    +- WindowAggregate(groupBy=[auction], window=[TUMBLE(size=[10000 ms]) on dateTime], select=[auction, COUNT(*) AS n, window_start, window_end, window_time])
                       +- Exchange(distribution=[hash[auction]])
                          +- TableSourceScan(table=[bid], fields=[auction, dateTime], watermark=[dateTime, -(dateTime, 4000)])
        """, explain("SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY n DESC) AS rn "
            + "FROM (SELECT window_start, window_end, auction, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(dateTime), "
            + "INTERVAL '10' SECOND)) GROUP BY window_start, window_end, auction)) WHERE rn <= 2"));
  }

  @Test
  void overAggregationOverRowsAndRange() {
    String rows = explain("SELECT auction, SUM(price) OVER (PARTITION BY auction ORDER BY dateTime "
        + "ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM bid");
    assertTrue(rows.contains("OverAggregate(partitionBy=[auction], orderBy=[dateTime], window=[ROWS BETWEEN 2 PRECEDING AND "
        + "CURRENT ROW], select=[COUNT(price) AS w0$o0, SUM(price) AS w0$o1])"), rows);
    String range = explain("SELECT auction, MAX(price) OVER (PARTITION BY auction ORDER BY dateTime "
        + "RANGE BETWEEN INTERVAL '1' MINUTE PRECEDING AND CURRENT ROW) FROM bid");
    assertTrue(range.contains("window=[RANGE BETWEEN 60000 ms PRECEDING AND CURRENT ROW]"), range);
  }

  @Test
  void unboundedRowNumberIsRefused() {
    WeirException e = assertThrows(WeirException.class,
        () -> explain("SELECT auction, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price) FROM bid"));
    assertTrue(e.getMessage().contains("ROW_NUMBER() over a stream needs"), e.getMessage());
  }

  @Test
  void legacySessionWindowsBecomeTheSessionTableFunction() {
    String plan = explain("SELECT auction, SESSION_START(dateTime, INTERVAL '10' SECOND) AS s, "
        + "SESSION_END(dateTime, INTERVAL '10' SECOND) AS e, SESSION_ROWTIME(dateTime, INTERVAL '10' SECOND) AS t, COUNT(*) "
        + "FROM bid GROUP BY SESSION(dateTime, INTERVAL '10' SECOND), auction");
    assertTrue(plan.contains("Calc(select=[auction, window_start AS s, window_end AS e, window_time AS t, EXPR$4])"), plan);
    assertTrue(plan.contains("WindowAggregate(groupBy=[auction], window=[SESSION(gap=[10000 ms]) on dateTime]"), plan);
  }

  @Test
  void sessionTableFunctionPartitionedByAKey() {
    String plan = explain("SELECT auction, window_start, window_end FROM TABLE(SESSION(TABLE bid PARTITION BY auction, "
        + "DESCRIPTOR(dateTime), INTERVAL '2' SECOND))");
    assertTrue(plan.contains("WindowTableFunction(window=[SESSION(gap=[2000 ms]) on dateTime])"), plan);
    assertTrue(plan.contains("Exchange(distribution=[hash[auction]])"), plan);
  }
}
