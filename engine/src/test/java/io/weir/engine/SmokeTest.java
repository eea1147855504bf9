package io.weir.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.common.data.Row;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void valuesQuery() throws Exception {
    try (Engine engine = Engine.create()) {
      Session s = engine.newSession();
      var r = (StatementResult.QueryResult) s.execute("SELECT a + 1 AS b, UPPER(c) FROM (VALUES (1, 'x'), (2, 'y')) AS t(a, c) WHERE a > 1");
      List<Row> rows = Session.collectAll(r, Duration.ofSeconds(30));
      assertEquals(List.of(Row.of(3, "Y")), rows);
    }
  }

  @Test
  void datagenQuery() throws Exception {
    try (Engine engine = Engine.create()) {
      Session s = engine.newSession();
      s.execute("CREATE TABLE g (id BIGINT, v INT, ts AS CAST('2020-01-01 00:00:00' AS TIMESTAMP(3)), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector'='datagen', 'number-of-rows'='100', 'fields.id.kind'='sequence', 'fields.id.start'='1', 'fields.id.end'='100')");
      System.out.println(((StatementResult.TextResult) s.execute("EXPLAIN SELECT id * 2 FROM g WHERE id > 90")).text());
      var r = (StatementResult.QueryResult) s.execute("SELECT id * 2 FROM g WHERE id > 90");
      List<Row> rows = Session.collectAll(r, Duration.ofSeconds(30));
      assertEquals(10, rows.size());
    }
  }
}
