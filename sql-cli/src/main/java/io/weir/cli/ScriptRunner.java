package io.weir.cli;

import io.weir.common.config.CoreOptions;
import io.weir.common.error.SqlException;
import io.weir.common.error.WeirException;
import io.weir.engine.Session;
import io.weir.engine.StatementResult;
import io.weir.runtime.job.Job;
import io.weir.runtime.job.JobStatus;
import java.io.PrintWriter;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a script without a terminal ({@code -f}, {@code -e}, or statements piped into the shell):
 * the engine parses the whole script first, then runs it a statement at a time, and each result
 * is printed before the next statement starts (a query's table grows until the query ends). The
 * first error stops the script.
 *
 * <p>An INSERT submitted without {@code table.dml-sync} runs inside this process, so the script
 * waits for such jobs before it returns; otherwise leaving would cancel them half done.
 */
final class ScriptRunner {
  private static final Duration JOB_POLL = Duration.ofMillis(200);

  private final Session session;
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean verbose;
  private final ResultPrinter printer;

  ScriptRunner(Session session, PrintWriter out, PrintWriter err, boolean verbose) {
    this.session = session;
    this.out = out;
    this.err = err;
    this.verbose = verbose;
    this.printer = new ResultPrinter(out);
  }

  /** Runs {@code script}; returns 0 when every statement succeeded, else 1 (error on stderr). */
  int run(String script) {
    return run(script, null);
  }

  /**
   * Runs {@code script}; returns 0 when every statement succeeded, else 1, with the error on
   * stderr after a line that says which statement failed and where: {@code [ERROR] Statement 2
   * (line 5 of init.sql) failed.}
   *
   * @param source what the script came from, for that line ({@code init.sql}), or null
   */
  int run(String script, String source) {
    // The shell's own options are checked before anything runs, as the engine checks the syntax.
    StatementSplitter.Split split = StatementSplitter.split(script + "\n;");
    for (int i = 0; i < split.statements().size(); i++) {
      try {
        ShellOptions.checkSet(split.statements().get(i));
      } catch (WeirException e) {
        err.print(statementFailed(i, split.lines().get(i), source));
        err.print(ErrorReport.format(e, null, verbose));
        err.flush();
        return 1;
      }
    }
    List<Job> submitted = new ArrayList<>();
    int[] done = {0};
    try {
      session.executeScript(script, result -> {
        done[0]++;
        printer.print(result, zone(session), () -> false, ShellOptions.maxColumnWidth(session.config()));
        if (result instanceof StatementResult.JobResult job && !job.waited()) {
          submitted.add(job.job());
        }
      });
    } catch (Throwable e) {
      out.flush();
      err.print(whichStatement(script, source, e, done[0]));
      err.print(ErrorReport.format(e, script, verbose));
      err.flush();
      return 1;
    }
    return awaitJobs(submitted);
  }

  /**
   * {@code [ERROR] Statement 2 (line 5 of job.sql) failed.}: the statement at the error's
   * position, or else the one after the {@code done} that succeeded.
   */
  static String whichStatement(String script, String source, Throwable error, int done) {
    List<Integer> lines = StatementSplitter.split(script + "\n;").lines();
    int index = done;
    if (error instanceof SqlException e && e.hasPosition()) {
      index = 0;
      while (index + 1 < lines.size() && lines.get(index + 1) <= e.line()) {
        index++;
      }
    }
    if (index >= lines.size()) {
      return "";
    }
    return statementFailed(index, lines.get(index), source);
  }

  private static String statementFailed(int index, int line, String source) {
    return "[ERROR] Statement " + (index + 1) + " (line " + line + (source == null ? "" : " of " + source)
        + ") failed.\n";
  }

  private int awaitJobs(List<Job> jobs) {
    List<Job> running = jobs.stream().filter(j -> !j.status().isTerminal()).toList();
    if (!running.isEmpty()) {
      out.println("[INFO] Waiting for " + running.size() + (running.size() == 1 ? " submitted job" : " submitted jobs")
          + " to finish: jobs run inside this process.");
      out.flush();
    }
    for (Job job : jobs) {
      JobStatus status;
      try {
        do {
          status = job.await(JOB_POLL); // an unbounded INSERT runs until the process is stopped
        } while (status == null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 1;
      }
      if (status != JobStatus.FINISHED) {
        Throwable failure = job.failure();
        err.print("[ERROR] Job " + job.id() + " (" + job.name() + ") ended " + status
            + (failure == null ? "" : ": " + ErrorReport.message(failure)) + "\n");
        err.flush();
        return 1;
      }
    }
    return 0;
  }

  /** The session's {@code table.local-time-zone}, or UTC when it names no zone. */
  static ZoneId zone(Session session) {
    try {
      return ZoneId.of(session.config().get(CoreOptions.LOCAL_TIME_ZONE));
    } catch (DateTimeException | IllegalArgumentException e) {
      return ZoneOffset.UTC;
    }
  }
}
