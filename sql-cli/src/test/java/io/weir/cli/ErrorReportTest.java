package io.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.common.error.SqlException;
import io.weir.common.error.WeirException;
import org.junit.jupiter.api.Test;

class ErrorReportTest {

  @Test
  void pointsAtTheColumnOfTheLine() {
    SqlException e = new SqlException("SQL validation error at line 2, column 6: Object 'nope' not found", 2, 6, 2, 9, null);
    assertEquals(String.join("\n",
        "[ERROR] SQL validation error at line 2, column 6: Object 'nope' not found",
        "FROM nope",
        "     ^^^^",
        ""), ErrorReport.format(e, "SELECT *\nFROM nope", false));
  }

  @Test
  void addsThePositionWhenTheMessageLacksIt() {
    SqlException e = new SqlException("bad thing", 1, 3, 1, 3, null);
    assertEquals("[ERROR] bad thing (at line 1, column 3)\nab\tc\n  ^\n", ErrorReport.format(e, "ab\tc", false));
  }

  @Test
  void caretFollowsTabs() {
    assertEquals("\tx y\n\t  ^\n", ErrorReport.pointer("\tx y", 1, 4, 1, 4));
  }

  @Test
  void noPositionNoPointer() {
    assertEquals("[ERROR] Job failed\n", ErrorReport.format(new WeirException("Job failed"), "SELECT 1", false));
    assertEquals("[ERROR] Unexpected error: IllegalStateException: boom\n",
        ErrorReport.format(new IllegalStateException("boom"), null, false));
  }
}
