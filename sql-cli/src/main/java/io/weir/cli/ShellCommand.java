package io.weir.cli;

import java.util.Locale;

/** The shell's own commands, handled without the engine; each may be typed without {@code ;}. */
enum ShellCommand {
  HELP,
  QUIT,
  EXIT,
  CLEAR;

  /** The command {@code statement} is (case-insensitive, blanks ignored), or null for SQL. */
  static ShellCommand parse(String statement) {
    String word = statement.strip();
    if (word.endsWith(";")) {
      word = word.substring(0, word.length() - 1).strip();
    }
    for (ShellCommand c : values()) {
      if (c.name().equals(word.toUpperCase(Locale.ROOT))) {
        return c;
      }
    }
    return null;
  }

  static final String HELP_TEXT = """
      Shell commands (';' optional):
        HELP                    Shows this list.
        CLEAR                   Clears the screen.
        QUIT, EXIT              Leaves the shell (so does Ctrl-D at an empty prompt).

      SQL statements (each ends with ';' and may span several lines):
        CREATE TABLE [IF NOT EXISTS] t (...) WITH ('connector' = '...', ...)
        CREATE VIEW v AS SELECT ...
        DROP TABLE [IF EXISTS] t          DROP VIEW [IF EXISTS] v
        SHOW TABLES | VIEWS | FUNCTIONS | JOBS
        SHOW CREATE TABLE t               DESCRIBE t
        SELECT ...                        Runs a continuous query and shows its result.
        INSERT INTO t SELECT ...          Starts a job; with SET 'table.dml-sync' = 'true'
                                          the statement waits until the job finishes.
        EXPLAIN <statement>               Shows the plan.
        SET                               Lists the session's settings.
        SET 'key' = 'value'               Changes one.    RESET ['key']   Undoes it.
        STOP JOB '<job id>'               Stops a job.

      How query results show (SET 'sql-client.execution.result-mode' = '...'):
        table      A full-screen view of the current result, updated in place (default).
        changelog  A full-screen view of every change: +I, -U, +U, -D.
        tableau    Rows printed below the prompt as they arrive.
      In a view: q or Esc leaves and stops the query; Up/Down, PgUp/PgDn, Home/End scroll;
      Left/Right scroll wide tables sideways.

      Other settings: SET 'sql-client.display.max-column-width' = '30';
                      SET 'sql-client.display.color-schema' = 'none';   (no highlighting)

      Keys: Ctrl-C cancels a running query or waited-for INSERT, or clears the line at the
            prompt. Tab completes keywords, tables, columns, functions and SET keys.
            Up/Down browse the history (kept in ~/.weir/history). Ctrl-D leaves.

      Try: SELECT * FROM demo WHERE amount > 100;
      """;
}
