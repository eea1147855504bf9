package io.weir.cli;

import static io.weir.cli.PtyShell.CTRL_C;
import static io.weir.cli.PtyShell.CTRL_D;
import static io.weir.cli.PtyShell.ENTER;
import static io.weir.cli.PtyShell.UP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real shell in a pseudo-terminal, read as a user reads it: the rendered screen (see
 * {@link PtyShell}). Covers the "done when": a GROUP BY's row changing in place in the
 * table view, Ctrl-C stopping its job, Tab completing a table and a column, a caret under a
 * misspelt keyword, the history surviving a restart.
 */
class ShellPtyTest {
  private static final Pattern TITLE_JOB = Pattern.compile("job ([0-9a-f]{32})");
  /** A table row of one BIGINT column: {@code |   42 |}. */
  private static final Pattern ONE_NUMBER = Pattern.compile("\\|\\s+(\\d+) \\|");

  @Test
  void tableModeUpdatesARowInPlaceAndCtrlCStopsItsJob(@TempDir Path dir) throws Exception {
    try (PtyShell shell = PtyShell.start(dir, dir.resolve("history"), 120, 30)) {
      shell.waitFor("weir> ", 0);
      shell.type("SELECT COUNT(*) AS n FROM demo;" + ENTER);

      List<String> first = shell.waitForScreen("the table view with a count",
          s -> s.get(0).contains("Weir · table · job") && rowOf(s) >= 0);
      int line = rowOf(first);
      long before = value(first.get(line));
      Matcher title = TITLE_JOB.matcher(first.get(0));
      assertTrue(title.find(), first.get(0));
      String jobId = title.group(1);
      assertTrue(first.get(line - 2).contains("| n |") || first.get(line - 2).matches("\\|\\s+n \\|"), first.toString());

      // The same screen line shows a larger count: the row changed in place, nothing was appended.
      List<String> later = shell.waitForScreen("the count grow on the same line",
          s -> s.get(0).contains("Weir · table") && ONE_NUMBER.matcher(s.get(line)).find() && value(s.get(line)) > before);
      assertEquals(1, later.stream().filter(l -> ONE_NUMBER.matcher(l).find()).count(), String.join("\n", later));
      assertTrue(later.get(later.size() - 1).contains("rows: 1 ·"), later.get(later.size() - 1));
      assertTrue(later.get(later.size() - 1).contains("RUNNING"), later.get(later.size() - 1));

      // The view follows the terminal's size: the status line moves to the new last line.
      shell.resize(90, 16);
      shell.waitForScreen("the view redrawn for 16 lines", s -> s.size() == 16 && s.get(0).contains("Weir · table")
          && s.get(15).contains("rows: 1 ·") && s.get(4).matches("\\|\\s+\\d+ \\|"));

      shell.type(CTRL_C);
      int at = shell.waitFor("[INFO] Query cancelled. Job " + jobId + " stopped.", 0);
      at = shell.waitFor("weir> ", at);
      shell.type("SHOW JOBS;" + ENTER);
      int end = shell.waitFor(" in set", at);
      String jobs = shell.text().substring(at, end);
      String row = jobs.lines().filter(l -> l.contains(jobId)).findFirst().orElseThrow(() -> new AssertionError(jobs));
      assertTrue(row.contains("CANCELED"), row);
      assertFalse(jobs.contains("RUNNING"), jobs);

      shell.waitFor("weir> ", end); // a Ctrl-D typed before the prompt reads input would be lost
      shell.type(CTRL_D);
      assertEquals(0, shell.waitForExit(), shell.text());
    }
  }

  @Test
  void completionCaretClearedLineAndHistoryAcrossARestart(@TempDir Path dir) throws Exception {
    Path history = dir.resolve("weir-history");
    String misspelt = "SELECT * FROM demo WHERE amount > 1 ODER BY amount;";
    try (PtyShell shell = PtyShell.start(dir, history, 120, 30)) {
      shell.waitFor("weir> ", 0);
      shell.type("SELECT * FROM de\t");
      shell.waitForScreen("the table completed", s -> s.contains("weir> SELECT * FROM demo"));
      // Completion added a space after the name: the next word does not stick to it.
      shell.type("WHERE amo\t");
      shell.waitForScreen("the column completed", s -> s.contains("weir> SELECT * FROM demo WHERE amount"));

      // Ctrl-C on the prompt throws the line away: what follows runs alone.
      shell.type(CTRL_C);
      shell.waitForScreen("an empty prompt", s -> s.stream().anyMatch(l -> l.equals("weir>")));
      int at = shell.text().length();
      shell.type("SHOW TABLES;" + ENTER);
      at = shell.waitFor("weir> ", shell.waitFor("1 row in set", at));

      shell.type(misspelt + ENTER);
      shell.waitFor("[ERROR]", at);
      List<String> screen = shell.waitForScreen("the statement with a caret under it",
          s -> caretLine(s, misspelt) >= 0);
      String caret = screen.get(caretLine(screen, misspelt));
      assertEquals(misspelt.indexOf("ODER"), caret.indexOf('^'), String.join("\n", screen));
      shell.waitFor("weir> ", shell.text().lastIndexOf("[ERROR]"));

      shell.type("QUIT;" + ENTER);
      assertEquals(0, shell.waitForExit(), shell.text());
    }
    assertTrue(Files.readString(history).contains(misspelt), Files.readString(history));

    try (PtyShell shell = PtyShell.start(dir, history, 120, 30)) {
      shell.waitFor("weir> ", 0);
      shell.type(UP);
      shell.waitForScreen("the last statement", s -> s.contains("weir> QUIT;"));
      shell.type(UP);
      shell.waitForScreen("the statement before", s -> s.contains("weir> " + misspelt));
      shell.type(CTRL_C);
      // Ctrl-C flushes the terminal's unread input: wait for the fresh prompt before Ctrl-D.
      shell.waitForScreen("a fresh prompt", s -> s.stream().filter(l -> !l.isEmpty()).reduce((a, b) -> b)
          .orElse("").equals("weir>"));
      shell.type(CTRL_D);
      assertEquals(0, shell.waitForExit(), shell.text());
    }
  }

  @Test
  void tableauModePrintsTheChangelogAndCtrlCCancels(@TempDir Path dir) throws Exception {
    try (PtyShell shell = PtyShell.start(dir, dir.resolve("history"), 160, 40)) {
      int at = setResultMode(shell, "tableau");
      shell.type("SELECT * FROM demo WHERE amount > 0;" + ENTER);
      at = shell.waitFor("| +I |", at);
      shell.type(CTRL_C);
      at = shell.waitFor("[INFO] Query cancelled.", at);
      at = shell.waitFor("weir> ", at);

      // A waited-for INSERT shows a progress line; Ctrl-C stops its job.
      shell.type("CREATE TABLE sink (id BIGINT) WITH ('connector' = 'blackhole');" + ENTER);
      at = shell.waitFor("weir> ", shell.waitFor("[INFO] Table 'sink' created.", at));
      shell.type("SET 'table.dml-sync' = 'true';" + ENTER);
      at = shell.waitFor("weir> ", shell.waitFor("[INFO] Execute statement succeeded.", at));
      shell.type("INSERT INTO sink SELECT order_id FROM demo;" + ENTER);
      at = shell.waitFor("[RUNNING] job ", at);
      shell.type(CTRL_C);
      at = shell.waitFor("[INFO] INSERT cancelled. Job ", at);
      at = shell.waitFor("weir> ", at);

      shell.type("SET 'sql-client.execution.result-mode' = 'tabel';" + ENTER);
      at = shell.waitFor("[ERROR] 'sql-client.execution.result-mode' must be 'table', 'changelog' or 'tableau'", at);
      at = shell.waitFor("weir> ", at);
      shell.type(CTRL_D);
      assertEquals(0, shell.waitForExit(), shell.text());
    }
  }

  @Test
  void changelogViewShowsEachChangeAndQLeaves(@TempDir Path dir) throws Exception {
    try (PtyShell shell = PtyShell.start(dir, dir.resolve("history"), 120, 30)) {
      int at = setResultMode(shell, "changelog");
      shell.type("SELECT COUNT(*) AS n FROM demo;" + ENTER);
      List<String> screen = shell.waitForScreen("a retraction and its update in the changelog view",
          s -> s.get(0).contains("Weir · changelog") && s.stream().anyMatch(l -> l.startsWith("| -U |"))
              && s.stream().anyMatch(l -> l.startsWith("| +U |")));
      assertTrue(screen.stream().anyMatch(l -> l.matches("\\|\\s+op \\|\\s+n \\|")), String.join("\n", screen));
      // Home scrolls to the first change (the count's first row, +I 1), and the view stops following.
      shell.type("g");
      List<String> top = shell.waitForScreen("the first change at the top",
          s -> s.size() > 4 && s.get(4).matches("\\| \\+I \\|\\s+1 \\|") && s.get(s.size() - 1).contains("(1-"));
      shell.type("\u001b[6~"); // PgDn
      shell.waitForScreen("the next page", s -> !s.get(4).equals(top.get(4)) && !s.get(s.size() - 1).contains("(1-"));
      shell.type("q");
      at = shell.waitFor("[INFO] Result view closed; query stopped (job ", at);
      shell.waitFor("weir> ", at);
      List<String> after = shell.screen();
      assertNotEquals(screen, after);
      assertFalse(after.stream().anyMatch(l -> l.contains("Weir · changelog")), "the view's screen is gone");
      shell.type(CTRL_D);
      assertEquals(0, shell.waitForExit(), shell.text());
    }
  }

  @Test
  void initScriptRunsBeforeThePrompt(@TempDir Path dir) throws Exception {
    Path init = dir.resolve("init.sql");
    Files.writeString(init, """
        CREATE TABLE from_init (id INT) WITH ('connector' = 'datagen', 'number-of-rows' = '2',
          'fields.id.kind' = 'sequence', 'fields.id.start' = '41', 'fields.id.end' = '42');
        SET 'sql-client.execution.result-mode' = 'tableau';
        """);
    try (PtyShell shell = PtyShell.start(dir, dir.resolve("history"), 160, 40, "-i", init.toString())) {
      int at = shell.waitFor("weir> ", shell.waitFor("[INFO] Table 'from_init' created.", 0));
      shell.type("SELECT * FROM from_init;" + ENTER);
      at = shell.waitFor("weir> ", shell.waitFor("Received a total of 2 rows", at));
      assertTrue(shell.text().contains("| +I |          42 |"), shell.text());
      shell.type(CTRL_D);
      assertEquals(0, shell.waitForExit(), shell.text());
    }
  }

  @Test
  void aDumbTerminalGetsTableauAndNoColours(@TempDir Path dir) throws Exception {
    try (PtyShell shell = PtyShell.start(dir, dir.resolve("history"), "dumb", 160, 40)) {
      int at = shell.waitFor("weir> ", 0);
      shell.type("SELECT COUNT(*) AS n FROM demo;" + ENTER);
      at = shell.waitFor("| +U |", at);
      assertFalse(shell.text().contains("Weir · table"), "no full-screen view on a dumb terminal");
      shell.type(CTRL_C);
      at = shell.waitFor("weir> ", shell.waitFor("[INFO] Query cancelled.", at));
      String raw = shell.raw();
      assertFalse(raw.substring(raw.indexOf("SELECT COUNT")).matches("(?s).*\u001b\\[[0-9;]*m.*"),
          "no colours on a dumb terminal");
      shell.type(CTRL_D);
      assertEquals(0, shell.waitForExit(), shell.text());
    }
  }

  /** Waits for the prompt and sets the result mode; returns where the shell's output stands then. */
  private static int setResultMode(PtyShell shell, String mode) throws Exception {
    int at = shell.waitFor("weir> ", 0);
    shell.type("SET 'sql-client.execution.result-mode' = '" + mode + "';" + ENTER);
    return shell.waitFor("weir> ", shell.waitFor("[INFO] Execute statement succeeded.", at));
  }

  /** The first screen line holding a one-number table row, or -1. */
  private static int rowOf(List<String> screen) {
    for (int i = 0; i < screen.size(); i++) {
      if (ONE_NUMBER.matcher(screen.get(i)).find()) {
        return i;
      }
    }
    return -1;
  }

  private static long value(String line) {
    Matcher m = ONE_NUMBER.matcher(line);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  /** The index of the caret line right under the line of {@code statement} (without its ';'), or -1. */
  private static int caretLine(List<String> screen, String statement) {
    String text = statement.substring(0, statement.length() - 1);
    for (int i = 0; i + 1 < screen.size(); i++) {
      if (screen.get(i).equals(text) && screen.get(i + 1).strip().startsWith("^")) {
        return i + 1;
      }
    }
    return -1;
  }
}
