package io.weir.engine.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.common.data.Row;
import io.weir.common.error.WeirException;
import io.weir.engine.Engine;
import io.weir.engine.Session;
import io.weir.engine.StatementResult;
import io.weir.engine.oracle.Changelogs;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CREATE FUNCTION / DROP FUNCTION with Java classes, called from queries. */
class UserFunctionTest {
  private static List<String> query(Session s, String sql) throws InterruptedException {
    return Session.collectAll((StatementResult.QueryResult) s.execute(sql), Duration.ofSeconds(60)).stream()
        .map(Row::toString).sorted().toList();
  }

  /** The table a query's changelog leaves, sorted. */
  private static List<List<String>> applied(Session s, String sql) throws InterruptedException {
    List<List<String>> rows = new java.util.ArrayList<>(Changelogs.apply(Session.collectAll(
        (StatementResult.QueryResult) s.execute(sql), Duration.ofSeconds(60))));
    rows.sort(java.util.Comparator.comparing(Object::toString));
    return rows;
  }

  private static List<String> show(Session s) {
    return ((StatementResult.TableResult) s.execute("SHOW FUNCTIONS")).rows().stream()
        .map(r -> String.valueOf(r.field(0))).toList();
  }

  @Test
  void aFunctionIsCallableInProjectionsFiltersAndGroupKeys() throws Exception {
    try (Engine engine = Engine.create()) {
      Session s = engine.newSession();
      s.execute("CREATE FUNCTION initials AS 'io.weir.examples.Initials'");
      s.execute("SET 'parallelism.default' = '2'");
      assertEquals(List.of(List.of("PS", "2"), List.of("VW", "1")), applied(s,
          "SELECT INITIALS(name), COUNT(*) FROM (VALUES ('Peter Smith'), ('vicky white'), ('paul spencer'), "
              + "('Kate Jones')) AS t(name) WHERE initials(name) <> 'KJ' GROUP BY initials(name)"));
    }
  }

  @Test
  void overloadsAreChosenByArgumentTypesAndNullReachingAPrimitiveGivesNull() throws Exception {
    try (Engine engine = Engine.create()) {
      Session s = engine.newSession();
      s.execute("CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS clamp AS 'io.weir.examples.Clamp' LANGUAGE JAVA");
      assertEquals(List.of("+I[10, 0.5, null]"),
          query(s, "SELECT clamp(x, 0, 10), clamp(0.25e0, 0.5e0, 1.0e0), clamp(CAST(NULL AS INT), 0, 1) "
              + "FROM (VALUES (42)) AS t(x)"));
    }
  }

  @Test
  void aFunctionWithoutArgumentsNeedsParenthesesAndLeavesAColumnOfItsNameAlone() throws Exception {
    try (Engine engine = Engine.create()) {
      Session s = engine.newSession();
      s.execute("CREATE FUNCTION answer AS 'io.weir.examples.Answer'");
      assertEquals(List.of("+I[7, 42]"), query(s, "SELECT answer, answer() FROM (VALUES (7)) AS t(answer)"));
    }
  }

  @Test
  void timestampsCrossTheBoundaryAsLocalDateTime() throws Exception {
    try (Engine engine = Engine.create()) {
      Session s = engine.newSession();
      s.execute("CREATE FUNCTION stamp AS 'io.weir.examples.Stamp'");
      assertEquals(List.of("+I[2024-01-01 11:30:00.250, true]"),
          query(s, "SELECT CAST(stamp(ts) AS STRING), stamp(ts) = ts + INTERVAL '1' HOUR "
              + "FROM (VALUES (TIMESTAMP '2024-01-01 10:30:00.250')) AS t(ts)"));
    }
  }

  @Test
  void badClassesAndWrongArgumentsFailNamingTheClass() {
    try (Engine engine = Engine.create()) {
      Session s = engine.newSession();
      WeirException missing = assertThrows(WeirException.class,
          () -> s.execute("CREATE FUNCTION f AS 'com.example.Missing'"));
      assertTrue(missing.getMessage().contains("'com.example.Missing'"), missing.getMessage());
      WeirException noEval = assertThrows(WeirException.class,
          () -> s.execute("CREATE FUNCTION f AS 'io.weir.examples.NoEval'"));
      assertTrue(noEval.getMessage().contains("'io.weir.examples.NoEval' has no public method 'eval'"),
          noEval.getMessage());
      WeirException notUdf = assertThrows(WeirException.class,
          () -> s.execute("CREATE FUNCTION f AS 'io.weir.examples.NotAFunction'"));
      assertTrue(notUdf.getMessage().contains("does not extend io.weir.common.functions.ScalarFunction"),
          notUdf.getMessage());
      s.execute("CREATE FUNCTION initials AS 'io.weir.examples.Initials'");
      WeirException badArgs = assertThrows(WeirException.class,
          () -> s.execute("SELECT initials(1) FROM (VALUES (1))"));
      assertTrue(badArgs.getMessage().contains("No eval method of 'io.weir.examples.Initials' (function initials) "
          + "takes (INT)"), badArgs.getMessage());
    }
  }

  @Test
  void createDropAndShow() {
    try (Engine engine = Engine.create()) {
      Session s = engine.newSession();
      s.execute("CREATE FUNCTION initials AS 'io.weir.examples.Initials'");
      assertTrue(show(s).contains("initials"), show(s).toString());
      assertTrue(show(s).contains("UPPER"), "built-ins are still listed");
      assertThrows(WeirException.class, () -> s.execute("CREATE FUNCTION Initials AS 'io.weir.examples.Clamp'"));
      s.execute("CREATE FUNCTION IF NOT EXISTS initials AS 'io.weir.examples.Clamp'");
      s.execute("DROP FUNCTION INITIALS");
      assertFalse(show(s).contains("initials"));
      assertThrows(WeirException.class, () -> s.execute("SELECT initials('a b') FROM (VALUES (1))"));
      assertThrows(WeirException.class, () -> s.execute("DROP FUNCTION initials"));
      s.execute("DROP TEMPORARY SYSTEM FUNCTION IF EXISTS initials");
    }
  }

  @Test
  void functionsAndTheViewsThatCallThemSurviveARestartOnAStateDirectory(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path state) throws Exception {
    try (Engine engine = Engine.create(new io.weir.common.config.Configuration(), state)) {
      Session s = engine.newSession();
      s.execute("CREATE SYSTEM FUNCTION initials AS 'io.weir.examples.Initials'");
      s.execute("CREATE VIEW people AS SELECT initials(name) AS short FROM (VALUES ('Peter Smith')) AS t(name)");
    }
    try (Engine engine = Engine.create(new io.weir.common.config.Configuration(), state)) {
      Session s = engine.newSession();
      assertEquals(List.of("+I[PS]"), query(s, "SELECT short FROM people"));
      assertEquals(List.of("+I[SW]"), query(s, "SELECT INITIALS('sarah white') FROM (VALUES (1))"));
    }
  }

  @Test
  void aSystemFunctionShadowsABuiltInAndAnOtherOneDoesNot() throws Exception {
    try (Engine engine = Engine.create()) {
      Session s = engine.newSession();
      s.execute("CREATE FUNCTION reverse AS 'io.weir.examples.Initials'");
      assertEquals(List.of("+I[htims retep]"), query(s, "SELECT REVERSE('peter smith') FROM (VALUES (1))"));
      s.execute("DROP FUNCTION reverse");
      s.execute("CREATE SYSTEM FUNCTION reverse AS 'io.weir.examples.Initials'");
      assertEquals(List.of("+I[PS]"), query(s, "SELECT REVERSE('peter smith') FROM (VALUES (1))"));
    }
  }
}
