package io.weir.cli;

import io.weir.runtime.job.Job;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The one line a waited-for INSERT ({@code table.dml-sync}) shows while it runs, redrawn in
 * place twice a second on its own thread and wiped when the statement returns:
 *
 * <pre>
 * [RUNNING] job 4f1c… · 12.5 s · checkpoints: 2 · late rows dropped: 0 · Ctrl-C cancels
 * </pre>
 *
 * Only the interactive shell on a real terminal starts one; scripts print nothing of it.
 */
final class ProgressLine implements AutoCloseable {
  private static final long REDRAW_MILLIS = 500;

  private final PrintWriter out;
  private final Supplier<Job> job;
  private final Thread thread;
  private volatile boolean stopped;
  private boolean drawn;

  /** @param job the statement's job once it exists, else null */
  ProgressLine(PrintWriter out, Supplier<Job> job) {
    this.out = out;
    this.job = job;
    this.thread = new Thread(this::run, "weir-progress");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  private void run() {
    Instant start = Instant.now();
    while (!stopped) {
      try {
        Thread.sleep(REDRAW_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      Job j = job.get();
      if (j == null || stopped) {
        continue;
      }
      String line = text(j, Duration.between(start, Instant.now()));
      synchronized (this) {
        if (!stopped) {
          out.print("\r" + line + "\u001b[K");
          out.flush();
          drawn = true;
        }
      }
    }
  }

  static String text(Job job, Duration elapsed) {
    int checkpoints = job.checkpointHistory().size();
    double seconds = elapsed.toMillis() / 1000.0;
    long read = job.metrics().rowsRead();
    return String.format(Locale.ROOT, "[%s] job %s · %.1f s · %,d rows read (%,.0f/s) · %,d written · checkpoints: %d"
            + " · late rows dropped: %d · Ctrl-C cancels",
        job.status(), job.id(), seconds, read, seconds > 0 ? read / seconds : 0.0, job.metrics().rowsWritten(),
        checkpoints, job.metrics().lateRowsDropped());
  }

  /** Stops redrawing and wipes the line. */
  @Override
  public void close() {
    synchronized (this) {
      stopped = true;
      if (drawn) {
        out.print("\r\u001b[K");
        out.flush();
      }
    }
    thread.interrupt();
  }
}
