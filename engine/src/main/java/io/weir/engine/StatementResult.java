package io.weir.engine;

import static java.util.Objects.requireNonNull;

import io.weir.common.data.Row;
import io.weir.common.types.RowType;
import io.weir.runtime.job.Job;
import java.util.List;

/** What executing one statement gave: an acknowledgement, rows, text, a live query, or a job. */
public sealed interface StatementResult {

  /** A statement that changed something (CREATE, DROP, SET…) and has nothing else to show. */
  record Ack(String message) implements StatementResult {
    public Ack {
      requireNonNull(message, "message");
    }
  }

  /** A small, complete table (SHOW, DESCRIBE, SET without arguments). */
  record TableResult(RowType schema, List<Row> rows) implements StatementResult {
    public TableResult {
      requireNonNull(schema, "schema");
      rows = List.copyOf(rows);
    }
  }

  /** Preformatted text (EXPLAIN, SHOW CREATE TABLE). */
  record TextResult(String text) implements StatementResult {
    public TextResult {
      requireNonNull(text, "text");
    }
  }

  /** A continuous query: its schema and the changelog of its result, as it happens. */
  record QueryResult(RowType schema, ResultStream stream, Job job) implements StatementResult {
    public QueryResult {
      requireNonNull(schema, "schema");
      requireNonNull(stream, "stream");
      requireNonNull(job, "job");
    }
  }

  /**
   * An INSERT's job: still running ({@code table.dml-sync} = false), or finished when the
   * statement waited for it.
   */
  record JobResult(Job job, boolean waited) implements StatementResult {
    public JobResult {
      requireNonNull(job, "job");
    }
  }
}
