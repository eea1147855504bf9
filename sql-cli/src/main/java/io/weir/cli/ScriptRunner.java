package io.weir.cli;

import io.weir.common.config.CoreOptions;
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
    List<Job> submitted = new ArrayList<>();
    try {
      session.executeScript(script, result -> {
        printer.print(result, zone(session), () -> false);
        if (result instanceof StatementResult.JobResult job && !job.waited()) {
          submitted.add(job.job());
        }
      });
    } catch (Throwable e) {
      out.flush();
      err.print(ErrorReport.format(e, script, verbose));
      err.flush();
      return 1;
    }
    return awaitJobs(submitted);
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
