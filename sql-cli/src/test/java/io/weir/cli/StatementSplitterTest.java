package io.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

  @Test
  void splitsAtSemicolons() {
    assertEquals(List.of("SELECT 1", "SELECT 2"), StatementSplitter.statements("SELECT 1; SELECT 2;"));
  }

  @Test
  void keepsMultiLineStatementsWhole() {
    String input = "SELECT a,\n  b\nFROM t\nWHERE a > 1;\nSHOW TABLES;";
    assertEquals(List.of("SELECT a,\n  b\nFROM t\nWHERE a > 1", "SHOW TABLES"), StatementSplitter.statements(input));
  }

  @Test
  void semicolonsInsideQuotesDoNotEndAStatement() {
    String input = "SELECT 'a;b', \"c;d\", `e;f` FROM t;";
    assertEquals(List.of("SELECT 'a;b', \"c;d\", `e;f` FROM t"), StatementSplitter.statements(input));
  }

  @Test
  void doubledQuotesStayInsideTheString() {
    String input = "SELECT 'it''s; fine' FROM t;";
    assertEquals(List.of("SELECT 'it''s; fine' FROM t"), StatementSplitter.statements(input));
    assertTrue(StatementSplitter.isComplete(input));
  }

  @Test
  void semicolonsInsideCommentsDoNotEndAStatement() {
    String input = "SELECT 1 -- one; two\n, 2 /* three; */ FROM t;";
    assertEquals(List.of("SELECT 1 -- one; two\n, 2 /* three; */ FROM t"), StatementSplitter.statements(input));
  }

  @Test
  void commentOnlyStatementsAreSkipped() {
    assertEquals(List.of("SELECT 1"), StatementSplitter.statements("-- nothing here\n;\n/* nor here */;SELECT 1;;"));
  }

  @Test
  void unfinishedStatementIsNotComplete() {
    assertFalse(StatementSplitter.isComplete("SELECT *\nFROM t"));
    assertFalse(StatementSplitter.isComplete("SELECT 1; SELECT 2"));
  }

  @Test
  void openQuoteOrBlockCommentIsNotComplete() {
    assertFalse(StatementSplitter.isComplete("SELECT 'abc;"));
    assertFalse(StatementSplitter.isComplete("SELECT `a;"));
    assertFalse(StatementSplitter.isComplete("SELECT \"a;"));
    assertFalse(StatementSplitter.isComplete("SELECT 1 /* ;"));
    assertTrue(StatementSplitter.split("SELECT 'abc;").open());
  }

  @Test
  void semicolonInATrailingLineCommentDoesNotFinish() {
    assertFalse(StatementSplitter.isComplete("SELECT 1 -- done;"));
    assertTrue(StatementSplitter.isComplete("SELECT 1; -- done"));
    assertTrue(StatementSplitter.isComplete("SELECT 1; /* done */ \n"));
  }

  @Test
  void blankInputIsComplete() {
    assertTrue(StatementSplitter.isComplete(""));
    assertTrue(StatementSplitter.isComplete("  \n "));
    assertEquals(List.of(), StatementSplitter.statements("  \n "));
  }

  @Test
  void restIsWhatFollowsTheLastSemicolon() {
    StatementSplitter.Split split = StatementSplitter.split("SELECT 1; quit");
    assertEquals(List.of("SELECT 1"), split.statements());
    assertEquals(" quit", split.rest());
    assertTrue(split.restHasCode());
    assertFalse(split.complete());
  }

  @Test
  void minusAndSlashAloneAreCode() {
    assertEquals(List.of("SELECT 4 - 2 / 1"), StatementSplitter.statements("SELECT 4 - 2 / 1;"));
  }

  @Test
  void bareShellCommandsFinishTheInput() {
    assertTrue(SqlLineParser.isFinished("quit"));
    assertTrue(SqlLineParser.isFinished("  Exit "));
    assertTrue(SqlLineParser.isFinished("SELECT 1; help"));
    assertFalse(SqlLineParser.isFinished("SELECT 1"));
    assertFalse(SqlLineParser.isFinished("'quit"));
  }
}
