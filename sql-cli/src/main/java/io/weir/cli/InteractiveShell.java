package io.weir.cli;

import io.weir.engine.DemoTable;
import io.weir.engine.Session;
import io.weir.engine.StatementResult;
import io.weir.runtime.job.Job;
import java.io.IOException;
import java.time.Duration;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp;
import org.jline.utils.Signals;

/**
 * The interactive shell on a JLine terminal: reads statements (several lines each, until a
 * {@code ;}), runs them one at a time and shows their results, until QUIT, EXIT or Ctrl-D. A
 * query is shown in the result mode of {@link ShellOptions}: a full-screen {@link ResultView}
 * ({@code table}, {@code changelog}) or printed by {@link ResultPrinter} ({@code tableau}, and
 * always on a dumb or tiny terminal). Typing gets Tab completion ({@link SqlCompleter}) and
 * highlighting ({@link SqlHighlighter}); a waited-for INSERT gets a {@link ProgressLine}.
 *
 * <p>Ctrl-C while a statement runs cancels it: the SIGINT handler (JLine's signal thread) flips
 * the statement's {@link Running} flag and cancels the jobs the statement started; the printing
 * loop sees the flag, prints {@code [INFO] Query cancelled.} and the prompt comes back. Ctrl-C at
 * the prompt is JLine's: it clears the line. Nothing typed may end the shell: every statement's
 * failure is caught and printed as {@code [ERROR]}.
 */
final class InteractiveShell {
  static final String PROMPT = "weir> ";
  static final String CONTINUATION = "   -> ";

  private static final int HISTORY_SIZE = 1_000;
  private static final int HISTORY_FILE_SIZE = 10_000;

  private final Terminal terminal;
  private final Session session;
  private final Path historyFile;
  private final boolean verbose;
  private final PrintWriter out;
  private final ResultPrinter printer;

  /** How long leaving a view or Ctrl-C waits for the stopped job's tasks to end. */
  private static final Duration STOP_WAIT = Duration.ofSeconds(10);
  /** Changes the changelog view keeps (older ones scroll away for good). */
  private static final int CHANGELOG_ROWS = 100_000;

  /** False on a dumb terminal: no full-screen views, no colours. */
  private final boolean capable;
  /** The statement running now, or null while the shell waits for input. */
  private volatile Running running;

  /**
   * @param historyFile where the history is kept, or null for none
   */
  InteractiveShell(Terminal terminal, Session session, Path historyFile, boolean verbose) {
    this.terminal = terminal;
    this.session = session;
    this.historyFile = historyFile;
    this.verbose = verbose;
    this.out = terminal.writer();
    this.printer = new ResultPrinter(out);
    this.capable = !terminal.getType().startsWith(Terminal.TYPE_DUMB);
  }

  /** Runs the shell until the user leaves; returns the exit code (0). */
  int run() {
    LineReader reader = lineReader();
    Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> interrupt());
    // A dumb terminal raises no signals of its own: without a JVM handler Ctrl-C would kill the shell.
    Object nativeInt = capable ? null : Signals.register("INT", this::interrupt);
    try {
      printBanner();
      registerDemoTable();
      while (true) {
        String input;
        try {
          input = reader.readLine(PROMPT);
        } catch (UserInterruptException e) {
          continue; // Ctrl-C at the prompt: the line is dropped
        } catch (EndOfFileException e) {
          break; // Ctrl-D
        }
        if (!runInput(input)) {
          break;
        }
      }
    } finally {
      terminal.handle(Terminal.Signal.INT, previous);
      if (nativeInt != null) {
        Signals.unregister("INT", nativeInt);
      }
      try {
        reader.getHistory().save();
      } catch (IOException | RuntimeException e) {
        out.println("[WARNING] Could not save the history to " + historyFile + ": " + e.getMessage());
      }
    }
    long stillRunning = session.engine().jobs().stream().filter(j -> !j.status().isTerminal()).count();
    if (stillRunning > 0) {
      out.println("[INFO] Cancelling " + stillRunning + (stillRunning == 1 ? " job" : " jobs")
          + " still running: jobs run inside the shell.");
    }
    out.println("Bye.");
    out.flush();
    return 0;
  }

  private LineReader lineReader() {
    LineReaderBuilder builder = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("weir")
        .parser(new SqlLineParser())
        .completer(new SqlCompleter(ShellCatalog.of(session)))
        .highlighter(new SqlHighlighter(() -> capable && colors()))
        .history(new DefaultHistory())
        .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
        .variable(LineReader.HISTORY_SIZE, HISTORY_SIZE)
        .variable(LineReader.HISTORY_FILE_SIZE, HISTORY_FILE_SIZE)
        .variable(LineReader.BLINK_MATCHING_PAREN, 0)
        // `a != b` must stay as typed, not expand `!` from the history as bash does.
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .option(LineReader.Option.INSERT_TAB, true)
        .option(LineReader.Option.CASE_INSENSITIVE, true)
        .option(LineReader.Option.HISTORY_IGNORE_DUPS, true);
    if (historyFile != null) {
      try {
        Files.createDirectories(historyFile.toAbsolutePath().getParent());
        builder.variable(LineReader.HISTORY_FILE, historyFile);
      } catch (IOException | RuntimeException e) {
        out.println("[WARNING] No history: cannot create " + historyFile.getParent() + " (" + e + ")");
      }
    }
    return builder.build();
  }

  private void registerDemoTable() {
    try {
      DemoTable.register(session);
    } catch (Throwable e) {
      out.print(ErrorReport.format(e, DemoTable.DDL, verbose));
    }
  }

  private void printBanner() {
    String version = WeirCli.version();
    out.println();
    out.println("Weir " + version + " - streaming SQL in the Flink SQL dialect.");
    out.println();
    out.println("A demo table is ready: `" + DemoTable.NAME + "`, orders made up at 5 rows a second. Try:");
    out.println();
    out.println("  SELECT * FROM demo WHERE amount > 100;");
    out.println();
    out.println("Statements end with ';'. Type HELP; for the commands. Ctrl-C cancels a running query;");
    out.println("QUIT; or Ctrl-D leaves.");
    out.println();
    out.flush();
  }

  /** Runs every statement of one accepted input; false when the user asked to leave. */
  boolean runInput(String input) {
    StatementSplitter.Split split = StatementSplitter.split(input);
    List<String> statements = new ArrayList<>(split.statements());
    if (!split.open() && ShellCommand.parse(split.rest()) != null) {
      statements.add(split.rest().strip());
    }
    for (String statement : statements) {
      ShellCommand command = ShellCommand.parse(statement);
      if (command == ShellCommand.QUIT || command == ShellCommand.EXIT) {
        return false;
      }
      if (command == ShellCommand.HELP) {
        out.print(ShellCommand.HELP_TEXT);
      } else if (command == ShellCommand.CLEAR) {
        terminal.puts(InfoCmp.Capability.clear_screen);
      } else {
        runSql(statement);
      }
      out.println();
      out.flush();
    }
    return true;
  }

  private void runSql(String statement) {
    Running current = new Running(jobIds());
    running = current;
    StatementResult result = null;
    try {
      ShellOptions.checkSet(statement);
      if (capable && isWaitedInsert(statement)) {
        try (ProgressLine progress = new ProgressLine(out, current::newJob)) {
          result = session.execute(statement);
        }
      } else {
        result = session.execute(statement);
      }
      if (current.isCancelled()) {
        current.cancelNewJobs();
        closeQuery(result);
        printCancelled(jobOf(result));
        return;
      }
      if (!(result instanceof StatementResult.QueryResult query)) {
        printer.print(result, ScriptRunner.zone(session), current::isCancelled);
        return;
      }
      ShellOptions.ResultMode mode = capable
          ? ShellOptions.resultMode(session.config(), ShellOptions.ResultMode.TABLE) : ShellOptions.ResultMode.TABLEAU;
      int width = ShellOptions.maxColumnWidth(session.config());
      if (mode != ShellOptions.ResultMode.TABLEAU && fitsAView()) {
        showView(query, mode, width, current);
      } else if (printer.print(query, ScriptRunner.zone(session), current::isCancelled, width)
          == ResultPrinter.Outcome.CANCELLED) {
        awaitStop(query.job());
      }
    } catch (Throwable e) {
      if (current.isCancelled()) {
        List<Job> stopped = current.cancelNewJobs();
        stopped.forEach(InteractiveShell::awaitStop);
        printCancelled(stopped.isEmpty() ? null : stopped.get(0));
      } else {
        // e.g. a bad shell option set by an init script: the query must not run on unseen
        closeQuery(result);
        out.print(ErrorReport.format(e, statement, verbose));
      }
    } finally {
      running = null;
      out.flush();
    }
  }

  /** Shows a query full-screen until the user leaves; then stops it and says how it ended. */
  private void showView(StatementResult.QueryResult query, ShellOptions.ResultMode mode, int width, Running current) {
    ResultModel model = mode == ShellOptions.ResultMode.TABLE
        ? new LiveTable(query.schema(), ScriptRunner.zone(session))
        : new ChangelogModel(query.schema(), ScriptRunner.zone(session), CHANGELOG_ROWS);
    ResultView view = new ResultView(terminal, mode.name().toLowerCase(java.util.Locale.ROOT), model, width,
        ScriptRunner.zone(session), mode == ShellOptions.ResultMode.CHANGELOG);
    ResultView.Exit exit = view.show(query, current::isCancelled);
    boolean ended = query.stream().isEnd();
    Throwable failure = query.stream().failure();
    query.stream().close();
    awaitStop(query.job());
    if (exit != ResultView.Exit.QUIT) {
      printCancelled(query.job());
    } else if (ended && failure != null && query.job().status() == io.weir.runtime.job.JobStatus.FAILED) {
      out.print(ErrorReport.format(failure, null, verbose));
    } else {
      out.println("[INFO] Result view closed" + (ended ? "" : "; query stopped (job " + query.job().id() + ")")
          + ": " + model.size() + (model.size() == 1 ? " row, " : " rows, ") + model.changes()
          + (model.changes() == 1 ? " change." : " changes."));
    }
  }

  /** A terminal of unknown or tiny size (0 x 0 under some tools) cannot hold a view: tableau then. */
  private boolean fitsAView() {
    org.jline.terminal.Size size = terminal.getSize();
    return size.getRows() >= 8 && size.getColumns() >= 20;
  }

  private static Job jobOf(StatementResult result) {
    if (result instanceof StatementResult.QueryResult query) {
      return query.job();
    }
    return result instanceof StatementResult.JobResult job ? job.job() : null;
  }

  /** Waits a little for a cancelled job's tasks to stop, so its resources are free at the prompt. */
  private static void awaitStop(Job job) {
    if (job == null) {
      return;
    }
    try {
      job.await(STOP_WAIT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // the job failed while stopping: it is stopped all the same
    }
  }

  private static void closeQuery(StatementResult result) {
    if (result instanceof StatementResult.QueryResult query) {
      query.stream().close();
    }
  }

  private void printCancelled(Job job) {
    out.println(); // after the ^C the terminal echoed
    boolean insert = job != null && job.name().startsWith("insert-into");
    out.println((insert ? "[INFO] INSERT cancelled." : ResultPrinter.QUERY_CANCELLED)
        + (job == null ? "" : " Job " + job.id() + " stopped."));
  }

  /** An INSERT the session will wait for ({@code table.dml-sync}): it gets a progress line. */
  private boolean isWaitedInsert(String statement) {
    String head = statement.stripLeading();
    return head.regionMatches(true, 0, "INSERT", 0, 6)
        && session.config().get(io.weir.common.config.CoreOptions.DML_SYNC);
  }

  /** Ctrl-C, on JLine's signal thread: cancels the statement that runs now, if any. */
  void interrupt() {
    Running current = running;
    if (current != null) {
      current.cancel();
    }
  }

  private Set<String> jobIds() {
    Set<String> ids = new HashSet<>();
    for (Job job : session.engine().jobs()) {
      ids.add(job.id());
    }
    return ids;
  }

  /**
   * One statement's cancellation: the jobs that existed before it started (which a Ctrl-C must
   * leave alone, e.g. an INSERT submitted earlier) and whether the user asked to cancel it.
   */
  private final class Running {
    private final Set<String> jobsBefore;
    private volatile boolean cancelled;

    Running(Set<String> jobsBefore) {
      this.jobsBefore = jobsBefore;
    }

    boolean isCancelled() {
      return cancelled;
    }

    void cancel() {
      cancelled = true;
      cancelNewJobs();
    }

    /** The first job this statement started, or null so far. */
    Job newJob() {
      for (Job job : session.engine().jobs()) {
        if (!jobsBefore.contains(job.id())) {
          return job;
        }
      }
      return null;
    }

    /** Cancels the jobs this statement started (a query's, or a waited-for INSERT's); returns them. */
    List<Job> cancelNewJobs() {
      List<Job> started = new ArrayList<>();
      for (Job job : session.engine().jobs()) {
        if (!jobsBefore.contains(job.id())) {
          job.cancel();
          started.add(job);
        }
      }
      return started;
    }
  }

  private boolean colors() {
    try {
      return ShellOptions.colors(session.config());
    } catch (RuntimeException e) {
      return false;
    }
  }
}
