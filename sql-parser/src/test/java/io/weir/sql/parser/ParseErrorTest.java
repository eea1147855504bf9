package io.weir.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.common.error.SqlException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Syntax errors name the line and column, the offending token and a short expected list. */
class ParseErrorTest {

  static SqlException statementError(String sql) {
    return assertThrows(SqlException.class, () -> WeirSqlParser.parseStatement(sql));
  }

  static void assertPosition(SqlException e, int line, int column) {
    assertEquals(line, e.line(), e.getMessage());
    assertEquals(column, e.column(), e.getMessage());
  }

  static void assertContains(SqlException e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), () -> "no <" + part + "> in: " + e.getMessage());
    }
  }

  @Test
  void misspelledFromIsBlamed() {
    // FORM parses as an alias of `a`; the parser only fails at `t`, but the mistake is FORM.
    SqlException e = statementError("SELECT a\nFORM t");
    assertPosition(e, 2, 1);
    assertEquals(2, e.endLine());
    assertEquals(4, e.endColumn());
    assertTrue(e.getMessage().startsWith("SQL parse error at line 2, column 1: encountered \"FORM\""
        + " but expected one of: \"FROM\", \",\""), e.getMessage());
    assertContains(e, "(did you mean \"FROM\"?)");
  }

  @Test
  void aStatementNestedTooDeeplySaysSo() {
    SqlException e = statementError("SELECT " + "(".repeat(5000) + "1" + ")".repeat(5000));
    assertContains(e, "nested too deeply to parse");
  }

  @Test
  void misspelledWhere() {
    SqlException e = statementError("SELECT a FROM t\nWHER a > 1");
    assertPosition(e, 2, 1);
    assertContains(e, "encountered \"WHER\"", "\"WHERE\"", "did you mean \"WHERE\"?");
  }

  @Test
  void expectedListIsShort() {
    SqlException e = statementError("SELECT * FROM t WHERE");
    assertPosition(e, 1, 22);
    assertContains(e, "encountered end of input but expected one of: ", "<identifier>", ", ...");
    String expected = e.getMessage().substring(e.getMessage().indexOf("one of: "));
    long listed = expected.chars().filter(c -> c == ',').count();
    assertTrue(listed <= ParseErrors.MAX_EXPECTED, e.getMessage());
    assertTrue(e.getMessage().length() < 300, e.getMessage());
  }

  @Test
  void trailingCommaInColumnList() {
    SqlException e = statementError("CREATE TABLE t (\n  a INT,\n) WITH ('k' = 'v')");
    assertPosition(e, 3, 1);
    assertContains(e, "encountered \")\" but expected one of: ", "<identifier>", "\"PRIMARY\"");
  }

  @Test
  void optionValueMustBeString() {
    SqlException e = statementError("CREATE TABLE t (a INT) WITH ('k' = 1)");
    assertPosition(e, 1, 36);
    assertContains(e, "encountered \"1\" but expected <string>");
  }

  @Test
  void reservedKeywordAsName() {
    SqlException e = statementError("CREATE TABLE t (select INT)");
    assertPosition(e, 1, 17);
    assertContains(e, "encountered \"select\"", "quote it: `select`");
  }

  @Test
  void setNeedsStrings() {
    SqlException e = statementError("SET parallelism = 2");
    assertPosition(e, 1, 5);
    assertContains(e, "encountered \"parallelism\"", "<string>");
  }

  @Test
  void alterSessionIsNotWeirs() {
    SqlException e = statementError("ALTER SESSION SET x = 'y'");
    assertPosition(e, 1, 1);
    assertContains(e, "ALTER SESSION is not supported", "SET 'key' = 'value'");
  }

  @Test
  void unclosedString() {
    SqlException e = statementError("SELECT 'abc FROM t");
    assertPosition(e, 1, 8);
    assertContains(e, "a string literal is not closed");
  }

  @Test
  void unclosedComment() {
    SqlException e = statementError("SELECT a /* never closed");
    assertEquals(1, e.line());
    assertContains(e, "unexpected end of input", "comment left open");
  }

  @Test
  void badCharacter() {
    SqlException e = statementError("SELECT a\n  FROM t # x");
    assertPosition(e, 2, 10);
    assertEquals("SQL parse error at line 2, column 10: unexpected character \"#\"",
        e.getMessage());
  }

  @Test
  void errorInLaterStatementOfScript() {
    SqlException e = assertThrows(SqlException.class, () -> WeirSqlParser.parseScript(
        "SHOW TABLES;\nSHOW JOBS;\nSHOW TABLEZ;"));
    assertPosition(e, 3, 6);
    assertContains(e, "encountered \"TABLEZ\"", "\"TABLES\"", "did you mean \"TABLES\"?");
  }

  @Test
  void tabsCountAsOneColumn() {
    SqlException e = statementError("SELECT\ta\tFROM\tt\tWHERE");
    assertPosition(e, 1, 22);
  }

  @Test
  void parseStatementWantsExactlyOne() {
    SqlException two = statementError("SHOW TABLES;\n  SHOW JOBS");
    assertPosition(two, 2, 3);
    assertContains(two, "expected one statement but found 2");

    SqlException none = statementError(" -- only a comment");
    assertContains(none, "expected a statement");
  }

  @Test
  void expressionError() {
    SqlException e = assertThrows(SqlException.class,
        () -> WeirSqlParser.parseExpression("ts - INTERVAL '5'"));
    assertEquals(1, e.line());
    assertContains(e, "encountered end of input", "\"DAY\"");
  }

  @Test
  void misspellingNeedsALongEnoughKeyword() {
    assertNull(ParseErrors.similarKeyword("AD", List.of("\"AS\"")));
    assertEquals("FROM", ParseErrors.similarKeyword("form", List.of("\"AS\"", "\"FROM\"")));
    assertNull(ParseErrors.similarKeyword("FRUIT", List.of("\"FROM\"")));
  }
}
