package io.weir.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.job.Job;
import io.weir.runtime.job.JobStatus;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Flink's own JDBC driver (1.20.0) as the client: what its users do, against a real gateway. */
class FlinkJdbcDriverTest {
  private static GatewayServer server;
  private static String url;

  @BeforeAll
  static void start() {
    server = GatewayServer.start(GatewayConfig.builder().port(0).build());
    url = "jdbc:flink://127.0.0.1:" + server.port() + "?table.local-time-zone=UTC";
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void ddlSetShowAndABoundedSelectOfTheTypesTheDriverReads() throws Exception {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      assertFalse(s.execute("CREATE TABLE jdbc_src (id INT, name STRING) WITH ('connector'='datagen', 'number-of-rows'='3')"));
      assertFalse(s.execute("SET 'parallelism.default' = '1'"));
      assertTrue(s.execute("SHOW TABLES"));
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = s.getResultSet()) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      assertTrue(tables.contains("jdbc_src"), tables.toString());

      try (ResultSet rs = s.executeQuery("SELECT 42 AS i, CAST(7 AS BIGINT) AS bi, 'x' AS ch, CAST(1.5 AS DOUBLE) AS d,"
          + " CAST(12.345 AS DECIMAL(10,3)) AS dc, TRUE AS b, DATE '2024-05-06' AS dt, TIME '07:08:09' AS tm,"
          + " CAST(TIMESTAMP '2024-05-06 07:08:09.123' AS TIMESTAMP(3)) AS ts, TO_TIMESTAMP_LTZ(1714979289123, 3) AS ltz,"
          + " X'CAFE' AS bin, MAP['k', 1] AS mp, CAST(NULL AS VARCHAR) AS nul")) {
        assertTrue(rs.next());
        assertEquals(42, rs.getInt("i"));
        assertEquals(7L, rs.getLong("bi"));
        assertEquals("x", rs.getString("ch"));
        assertEquals(1.5, rs.getDouble("d"));
        assertEquals(new BigDecimal("12.345"), rs.getBigDecimal("dc"));
        assertTrue(rs.getBoolean("b"));
        assertEquals("2024-05-06", rs.getDate("dt").toString());
        assertEquals("07:08:09", rs.getTime("tm").toString());
        assertEquals("2024-05-06 07:08:09.123", rs.getTimestamp("ts").toString());
        assertEquals("2024-05-06 07:08:09.123", rs.getTimestamp("ltz").toString());
        assertArrayEquals(new byte[] {(byte) 0xCA, (byte) 0xFE}, rs.getBytes("bin"));
        assertEquals(Map.of("k", 1), rs.getObject("mp"));
        assertEquals(null, rs.getString("nul"));
        assertFalse(rs.next());
      }
    }
  }

  @Test
  void aStreamingAggregationReadUpToALimitAndClosedStopsItsJob() throws Exception {
    Set<String> before = new HashSet<>();
    server.engine().jobs().forEach(j -> before.add(j.id()));
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE jdbc_clicks (k INT) WITH ('connector'='datagen', 'rows-per-second'='100',"
          + " 'fields.k.min'='1', 'fields.k.max'='3')");
      int rows = 0;
      try (ResultSet rs = s.executeQuery("SELECT k, COUNT(*) AS c FROM jdbc_clicks GROUP BY k")) {
        while (rows < 10 && rs.next()) {
          assertTrue(rs.getInt("k") >= 1 && rs.getInt("k") <= 3);
          assertTrue(rs.getLong("c") >= 1);
          rows++;
        }
      }
      assertEquals(10, rows);
    }
    List<Job> started = server.engine().jobs().stream().filter(j -> !before.contains(j.id())).toList();
    assertEquals(1, started.size());
    assertEquals(JobStatus.CANCELED, started.get(0).await(Duration.ofSeconds(30)));
  }

  @Test
  void catalogAndSchemaCallsWorkOnWeirsOneCatalog() throws Exception {
    String withPath = "jdbc:flink://127.0.0.1:" + server.port() + "/default_catalog/default_database";
    try (Connection c = DriverManager.getConnection(withPath)) {
      assertEquals("default_catalog", c.getCatalog());
      assertEquals("default_database", c.getSchema());
      c.setCatalog("default_catalog");
      c.setSchema("default_database");
      List<String> catalogs = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getCatalogs()) {
        while (rs.next()) {
          catalogs.add(rs.getString(1));
        }
      }
      assertEquals(List.of("default_catalog"), catalogs);
      List<String> schemas = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getSchemas()) {
        while (rs.next()) {
          schemas.add(rs.getString(1));
        }
      }
      assertEquals(List.of("default_database"), schemas);
      Exception other = assertThrows(Exception.class, () -> c.setCatalog("hive"));
      assertTrue(messages(other).contains("Catalog 'hive' does not exist"), messages(other));
    }
  }

  @Test
  void sqlErrorsSurfaceAsSqlExceptionsWithTheMessage() throws Exception {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      // The 1.20 driver throws its own SqlExecutionException (unchecked), not an SQLException.
      Exception parse = assertThrows(Exception.class, () -> s.executeQuery("SELEC 1"));
      assertTrue(messages(parse).contains("SQL parse error at line 1, column 1"), messages(parse));
      Exception missing = assertThrows(Exception.class, () -> s.executeQuery("SELECT * FROM nosuch"));
      assertTrue(messages(missing).contains("Object 'nosuch' not found"), messages(missing));
      // The connection still works after errors.
      try (ResultSet rs = s.executeQuery("SELECT 1")) {
        assertTrue(rs.next());
        assertEquals(1, rs.getInt(1));
      }
    }
  }

  private static String messages(Throwable t) {
    StringBuilder all = new StringBuilder();
    for (; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append(" <- ");
    }
    return all.toString();
  }
}
