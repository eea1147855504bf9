package io.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@link WeirCli} in-process, as {@code weir sql -f …} / {@code -e …} would. */
class WeirCliScriptTest {

  /** What one run printed and returned. */
  record Run(int exitCode, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = WeirCli.run(args, new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The cells of every table row of a changelog table: {@code [+I, 2, bob]}. */
  static List<List<String>> changelogRows(String output) {
    List<List<String>> rows = new ArrayList<>();
    for (String line : output.split("\n")) {
      if (line.matches("\\| [+-][IUD] \\|.*")) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.substring(1, line.length() - 1).split("\\|")) {
          cells.add(cell.strip());
        }
        rows.add(cells);
      }
    }
    return rows;
  }

  @Test
  void fileScriptInsertsIntoAFilesystemSinkAndSelectsTheResult(@TempDir Path dir) throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("orders.json"), """
        {"id": 1, "name": "alice", "amount": 5}
        {"id": 2, "name": "bob", "amount": 50}
        {"id": 3, "name": null, "amount": 500}
        {"id": 4, "name": "dora", "amount": 10}
        """);
    Path script = dir.resolve("job.sql");
    Files.writeString(script, """
        -- Copies the big orders, then shows them.
        CREATE TABLE orders (id INT, name STRING, amount INT) WITH (
          'connector' = 'filesystem', 'path' = '%s', 'format' = 'json');
        CREATE TABLE big_orders (id INT, name STRING) WITH (
          'connector' = 'filesystem', 'path' = '%s', 'format' = 'json');
        SET 'table.dml-sync' = 'true';
        INSERT INTO big_orders SELECT id, name FROM orders WHERE amount > 10;
        SELECT * FROM big_orders;
        """.formatted(in, dir.resolve("out")));

    Run run = run("-f", script.toString());

    assertEquals(0, run.exitCode(), run.err() + run.out());
    assertEquals("", run.err());
    assertTrue(run.out().contains("[INFO] Table 'orders' created."), run.out());
    assertTrue(run.out().contains("[INFO] Complete execution of the SQL update statement."), run.out());
    assertTrue(run.out().contains("| op |          id |                           name |"), run.out());
    List<List<String>> rows = new ArrayList<>(changelogRows(run.out()));
    rows.sort((a, b) -> a.get(1).compareTo(b.get(1)));
    assertEquals(List.of(List.of("+I", "2", "bob"), List.of("+I", "3", "<NULL>")), rows);
    assertTrue(run.out().contains("Received a total of 2 rows"), run.out());
  }

  @Test
  void asyncInsertIsSubmittedAndAwaitedBeforeExit(@TempDir Path dir) throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("a.json"), "{\"id\": 7}\n");
    Path out = dir.resolve("out");
    Run run = run("-e", """
        CREATE TABLE a (id INT) WITH ('connector' = 'filesystem', 'path' = '%s', 'format' = 'json');
        CREATE TABLE b (id INT) WITH ('connector' = 'filesystem', 'path' = '%s', 'format' = 'json');
        INSERT INTO b SELECT id FROM a;
        """.formatted(in, out));

    assertEquals(0, run.exitCode(), run.err() + run.out());
    assertTrue(run.out().contains("[INFO] Submitting SQL update statement to the cluster...\n"
        + "[INFO] SQL update statement has been successfully submitted to the cluster:\nJob ID: "), run.out());
    StringBuilder written = new StringBuilder();
    try (var files = Files.list(out)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        written.append(Files.readString(f));
      }
    }
    assertTrue(written.toString().contains("\"id\":7"), written.toString());
  }

  @Test
  void syntaxErrorInExecuteReportsLineAndColumnAndExitsOne() {
    Run run = run("-e", "SHOW TABLES;\nSELEC 1;");

    assertEquals(1, run.exitCode());
    assertTrue(run.err().startsWith("[ERROR] "), run.err());
    assertTrue(run.err().contains("line 2, column 1"), run.err());
    assertTrue(run.err().contains("SELEC 1;\n^"), run.err());
    // The whole script is parsed before anything runs.
    assertEquals("", run.out());
  }

  @Test
  void validationErrorStopsTheScriptAfterEarlierStatementsRan() {
    Run run = run("-e", "SHOW TABLES;\nSELECT * FROM  missing;\nSHOW TABLES;");

    assertEquals(1, run.exitCode());
    assertEquals("Empty set\n", run.out());
    assertTrue(run.err().contains("[ERROR] "), run.err());
    assertTrue(run.err().contains("line 2, column 16"), run.err());
    assertTrue(run.err().contains("SELECT * FROM  missing;\n               ^"), run.err());
  }

  @Test
  void stateDirectoryKeepsTheCatalogForTheNextRun(@TempDir Path dir) {
    String stateDir = dir.resolve("state").toString();
    Run first = run("--state-dir", stateDir, "-e",
        "CREATE TABLE kept (id INT) WITH ('connector' = 'datagen', 'number-of-rows' = '1');");
    assertEquals(0, first.exitCode(), first.err());
    Run second = run("--state-dir=" + stateDir, "-e", "SHOW TABLES;");
    assertEquals(0, second.exitCode(), second.err());
    assertTrue(second.out().contains("kept"), second.out());
    assertTrue(run("--state-dir").err().contains("needs a directory"));
  }

  @Test
  void missingFileIsAnError() {
    Run run = run("-f", "/no/such/script.sql");
    assertEquals(1, run.exitCode());
    assertTrue(run.err().startsWith("[ERROR] Cannot read the script '/no/such/script.sql'"), run.err());
  }

  @Test
  void helpAndBadOptions() {
    Run help = run("--help");
    assertEquals(0, help.exitCode());
    assertTrue(help.out().startsWith("Usage: weir sql [options]"), help.out());

    Run bad = run("--nope");
    assertEquals(2, bad.exitCode());
    assertTrue(bad.err().contains("[ERROR] Unknown option '--nope'"), bad.err());

    Run missing = run("-e");
    assertEquals(2, missing.exitCode());
  }

  @Test
  void statementsFromANonTerminalInputRunAsAScriptWithTheDemoTable() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = WeirCli.run(new String[0],
        new ByteArrayInputStream("SHOW TABLES;".getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("|       demo |"), out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void initScriptRunsFirstAndAFailingStatementIsNamedWithItsLine(@TempDir Path dir) throws IOException {
    Path init = dir.resolve("init.sql");
    Files.writeString(init, """
        -- the tables every run needs
        CREATE TABLE nums (n INT) WITH ('connector' = 'datagen', 'number-of-rows' = '3',
          'fields.n.kind' = 'sequence', 'fields.n.start' = '1', 'fields.n.end' = '3');
        SET 'sql-client.display.max-column-width' = '8';
        """);
    Path script = dir.resolve("job.sql");
    Files.writeString(script, """
        SELECT n, 'a rather long text' AS t FROM nums;

        SELECT * FROM nums;
        SELECT * FROM missing;
        """);

    Run run = run("-i", init.toString(), "-f", script.toString());

    assertEquals(1, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("[INFO] Table 'nums' created."), run.out());
    // The init script's width cuts the long text with an ellipsis.
    assertTrue(run.out().contains("| a rat... |"), run.out());
    assertTrue(run.err().startsWith("[ERROR] Statement 3 (line 4 of " + script + ") failed.\n"), run.err());
    assertTrue(run.err().contains("line 4, column 15"), run.err());
    assertTrue(run.err().contains("SELECT * FROM missing;\n              ^"), run.err());
  }

  @Test
  void aFailingInitScriptStopsBeforeTheScript(@TempDir Path dir) throws IOException {
    Path init = dir.resolve("init.sql");
    Files.writeString(init, "SET 'table.dml-sync' = 'true';\nSHOW TABLEZ;\n");
    Run run = run("--init", init.toString(), "-e", "SHOW TABLES;");
    assertEquals(1, run.exitCode());
    assertEquals("", run.out());
    assertTrue(run.err().startsWith("[ERROR] Statement 2 (line 2 of " + init + ") failed."), run.err());
    assertEquals(2, run("-i").exitCode());
  }

  @Test
  void aRuntimeFailureNamesTheStatementAfterTheLastThatSucceeded() {
    Run run = run("-e", "SHOW TABLES;\n\nSTOP JOB 'nope';\nSHOW TABLES;");
    assertEquals(1, run.exitCode());
    assertTrue(run.err().startsWith("[ERROR] Statement 2 (line 3 of -e) failed.\n[ERROR] Job 'nope' does not exist"),
        run.err());
  }

  @Test
  void aBadShellOptionFailsTheScriptBeforeAnythingRuns() {
    Run run = run("-e", "SHOW TABLES;\nSET 'sql-client.execution.result-mode' = 'bogus';");
    assertEquals(1, run.exitCode());
    assertEquals("", run.out());
    assertEquals("[ERROR] Statement 2 (line 2 of -e) failed.\n[ERROR] 'sql-client.execution.result-mode' must be "
        + "'table', 'changelog' or 'tableau' but was 'bogus'\n", run.err());
  }
}
