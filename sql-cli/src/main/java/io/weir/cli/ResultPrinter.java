package io.weir.cli;

import io.weir.common.data.Row;
import io.weir.common.error.WeirException;
import io.weir.engine.ResultStream;
import io.weir.engine.StatementResult;
import io.weir.runtime.job.Job;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Prints statement results the way Flink's SQL client does in tableau mode:
 *
 * <ul>
 *   <li>an acknowledgement as {@code [INFO] <message>};
 *   <li>a complete table as a {@link BoxedTable}, text verbatim;
 *   <li>a query as a {@link ChangelogTable} that grows while the changelog arrives, until the
 *       query ends (bounded input) or is cancelled;
 *   <li>an INSERT's job as {@code [INFO] Submitting SQL update statement to the cluster...},
 *       {@code [INFO] SQL update statement has been successfully submitted to the cluster:},
 *       {@code Job ID: <id>}; or, when the statement waited for the job ({@code table.dml-sync}),
 *       {@code [INFO] Complete execution of the SQL update statement.} and the job id.
 * </ul>
 *
 * Used by one thread at a time; the cancel check may be flipped from any thread.
 */
final class ResultPrinter {
  /** How long one wait for a query's rows lasts; also how soon a cancel request is seen. */
  private static final Duration POLL = Duration.ofMillis(100);

  static final String QUERY_CANCELLED = "[INFO] Query cancelled.";

  /** How a printed statement ended. */
  enum Outcome { DONE, CANCELLED }

  private final PrintWriter out;

  ResultPrinter(PrintWriter out) {
    this.out = out;
  }

  /**
   * Prints {@code result}; for a query, blocks until it ends or {@code cancelled} turns true
   * (then the query's job is stopped). Columns of values of any length are
   * {@link ShellOptions#DEFAULT_MAX_COLUMN_WIDTH} wide.
   *
   * @throws WeirException when the query failed while its rows were printed
   */
  Outcome print(StatementResult result, ZoneId zone, BooleanSupplier cancelled) {
    return print(result, zone, cancelled, ShellOptions.DEFAULT_MAX_COLUMN_WIDTH);
  }

  /** As {@link #print(StatementResult, ZoneId, BooleanSupplier)}, a query's columns at most {@code maxColumnWidth}. */
  Outcome print(StatementResult result, ZoneId zone, BooleanSupplier cancelled, int maxColumnWidth) {
    try {
      if (result instanceof StatementResult.Ack ack) {
        out.println("[INFO] " + ack.message());
      } else if (result instanceof StatementResult.TableResult table) {
        out.print(BoxedTable.render(table.schema(), table.rows(), zone));
      } else if (result instanceof StatementResult.TextResult text) {
        out.print(text.text());
        if (!text.text().endsWith("\n")) {
          out.println();
        }
      } else if (result instanceof StatementResult.JobResult job) {
        printJob(job);
      } else if (result instanceof StatementResult.QueryResult query) {
        return printQuery(query, zone, cancelled, maxColumnWidth);
      } else {
        throw new IllegalStateException("Unknown statement result " + result.getClass().getName());
      }
      return Outcome.DONE;
    } finally {
      out.flush();
    }
  }

  private void printJob(StatementResult.JobResult result) {
    Job job = result.job();
    if (result.waited()) {
      out.println("[INFO] Complete execution of the SQL update statement.");
    } else {
      out.println("[INFO] Submitting SQL update statement to the cluster...");
      out.println("[INFO] SQL update statement has been successfully submitted to the cluster:");
    }
    out.println("Job ID: " + job.id());
  }

  private Outcome printQuery(StatementResult.QueryResult query, ZoneId zone, BooleanSupplier cancelled,
      int maxColumnWidth) {
    ResultStream stream = query.stream();
    ChangelogTable table = new ChangelogTable(query.schema(), zone, out, maxColumnWidth);
    table.printHeader();
    try {
      while (true) {
        if (cancelled.getAsBoolean()) {
          return cancel(stream, table);
        }
        List<Row> rows = stream.poll(POLL);
        for (Row row : rows) {
          if (cancelled.getAsBoolean()) {
            return cancel(stream, table);
          }
          table.printRow(row);
        }
        out.flush();
        if (stream.isEnd()) {
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return cancel(stream, table);
    }
    Throwable failure = stream.failure();
    if (failure != null) {
      if (cancelled.getAsBoolean()) {
        return cancel(stream, table);
      }
      table.printBottom();
      throw failure instanceof WeirException w ? w : new WeirException("The query failed: " + failure.getMessage(), failure);
    }
    table.printEnd();
    return Outcome.DONE;
  }

  private Outcome cancel(ResultStream stream, ChangelogTable table) {
    stream.close();
    out.println(); // the terminal echoed ^C where the next row would start
    table.printBottom();
    out.println(QUERY_CANCELLED);
    return Outcome.CANCELLED;
  }
}
