package io.weir.planner;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.common.config.Configuration;
import io.weir.planner.catalog.Catalog;
import io.weir.sql.parser.WeirSqlParser;
import io.weir.sql.parser.ddl.SqlCreateTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The planner picks the join kind from the condition; EXPLAIN shows which. */
class JoinPlanTest {
  private Planner planner;

  @BeforeEach
  void createTables() {
    planner = new Planner(new Catalog(), ConnectorCapabilities.none());
    for (String ddl : new String[] {
        "CREATE TABLE orders (id BIGINT, customer BIGINT, amount INT, ts TIMESTAMP(3), "
            + "WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH ('connector' = 'x')",
        "CREATE TABLE shipments (order_id BIGINT, carrier STRING, ts TIMESTAMP(3), "
            + "WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH ('connector' = 'x')",
        "CREATE TABLE customers (id BIGINT, name STRING) WITH ('connector' = 'x')",
        "CREATE TABLE rates (customer BIGINT, rate INT, ts TIMESTAMP(3), PRIMARY KEY (customer) NOT ENFORCED, "
            + "WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH ('connector' = 'x')"}) {
      planner.catalog().create(planner.resolveTable((SqlCreateTable) WeirSqlParser.parseStatement(ddl)), false);
    }
  }

  private String explain(String sql) {
    return planner.explain(WeirSqlParser.parseStatement(sql), new Configuration().set("parallelism.default", "2"));
  }

  @Test
  void equiJoinIsARegularJoinHashedOnBothSides() {
    String plan = explain("SELECT o.id, c.name FROM orders o JOIN customers c ON o.customer = c.id WHERE o.amount > 10");
    assertTrue(plan.contains("Join(joinType=[INNER], where=[=(customer, id)]"), plan);
    assertTrue(plan.contains("Exchange(distribution=[hash[customer]])"), plan);
    assertTrue(plan.contains("Exchange(distribution=[hash[id]])"), plan);
  }

  @Test
  void outerJoinRetracts() {
    String plan = explain("SELECT o.id, c.name FROM orders o LEFT JOIN customers c ON o.customer = c.id");
    assertTrue(plan.contains("Join(joinType=[LEFT], where=[=(customer, id)], select=[id, customer, amount, ts, id0, name], "
        + "changelogMode=[I,UB,UA,D])"), plan);
  }

  @Test
  void timeBoundsBetweenTimeAttributesMakeAnIntervalJoin() {
    String plan = explain("SELECT o.id, s.carrier FROM orders o, shipments s WHERE o.id = s.order_id "
        + "AND s.ts BETWEEN o.ts AND o.ts + INTERVAL '4' HOUR");
    assertTrue(plan.contains("IntervalJoin(joinType=[INNER], windowBounds=[isRowTime=true, leftLowerBound=-14400000, "
        + "leftUpperBound=0, leftTimeIndex=3, rightTimeIndex=2]"), plan);
  }

  @Test
  void equalWindowBoundsMakeAWindowJoin() {
    String plan = explain("SELECT l.customer, l.n, r.n FROM "
        + "(SELECT customer, window_start, window_end, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), "
        + "INTERVAL '1' MINUTE)) GROUP BY customer, window_start, window_end) l JOIN "
        + "(SELECT order_id, window_start, window_end, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE shipments, DESCRIPTOR(ts), "
        + "INTERVAL '1' MINUTE)) GROUP BY order_id, window_start, window_end) r "
        + "ON l.customer = r.order_id AND l.window_start = r.window_start AND l.window_end = r.window_end");
    assertTrue(plan.contains("WindowJoin(joinType=[INNER], leftWindow=[window_end], rightWindow=[window_end]"), plan);
  }

  @Test
  void inSubqueryIsASemiJoin() {
    String plan = explain("SELECT id FROM orders WHERE customer IN (SELECT id FROM customers WHERE name <> 'x')");
    assertTrue(plan.contains("Join(joinType=[SEMI], where=[=(customer, id)], select=[id, customer, amount, ts])"), plan);
  }

  @Test
  void forSystemTimeAsOfIsATemporalJoin() {
    String plan = explain("SELECT o.id, o.amount * r.rate FROM orders AS o JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r "
        + "ON o.customer = r.customer");
    assertTrue(plan.contains("TemporalJoin(joinType=[INNER], leftTime=[ts], rightTime=[ts], "
        + "select=[id, customer, amount, ts, customer0, rate, ts0])"), plan);
  }

  @Test
  void aTemporalJoinNeedsAVersionedTable() {
    io.weir.common.error.WeirException e = org.junit.jupiter.api.Assertions.assertThrows(io.weir.common.error.WeirException.class,
        () -> explain("SELECT o.id FROM orders AS o JOIN customers FOR SYSTEM_TIME AS OF o.ts AS c ON o.customer = c.id"));
    assertTrue(e.getMessage().contains("needs a versioned table"), e.getMessage());
  }

  @Test
  void outerTemporalJoinsOtherThanLeftAreRefusedWithAPosition() {
    io.weir.common.error.SqlException e = org.junit.jupiter.api.Assertions.assertThrows(io.weir.common.error.SqlException.class,
        () -> explain("SELECT o.id FROM orders AS o RIGHT JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.customer = r.customer"));
    assertTrue(e.getMessage().contains("is INNER or LEFT, not RIGHT"), e.getMessage());
  }
}
