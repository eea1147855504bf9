package io.weir.gateway;

import io.weir.common.data.Row;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import io.weir.engine.ResultStream;
import io.weir.engine.StatementResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What one executed statement hands to its client page by page: a fixed table (DDL, SHOW, EXPLAIN,
 * an INSERT's job id), or a query's live changelog. Read by one fetch at a time.
 */
abstract class StatementOutput {
  /** Flink's one-column result of a statement with nothing to show: {@code result VARCHAR}. */
  private static final RowType RESULT_COLUMN = RowType.builder().add("result", LogicalType.string()).build();

  final RowType schema;
  final boolean isQueryResult;
  final String jobId;
  final String resultKind;

  private StatementOutput(RowType schema, boolean isQueryResult, String jobId, String resultKind) {
    this.schema = schema;
    this.isQueryResult = isQueryResult;
    this.jobId = jobId;
    this.resultKind = resultKind;
  }

  /** Up to {@code max} next rows, waiting up to {@code wait} for the first; empty when there are none yet. */
  abstract List<Row> next(int max, Duration wait) throws InterruptedException;

  /** True once every row has been handed out. */
  abstract boolean ended();

  /** Why a query stopped early, or null. */
  abstract Throwable failure();

  /** Stops the query behind this output, if any. */
  abstract void cancel();

  /** True while a job still produces rows for this output. */
  abstract boolean live();

  static StatementOutput of(StatementResult result) {
    if (result instanceof StatementResult.Ack) {
      // Flink answers DDL and SET with one row "OK"; its clients print their own message.
      return new Fixed(RESULT_COLUMN, null, "SUCCESS", List.of(Row.of("OK")));
    }
    if (result instanceof StatementResult.TableResult table) {
      return new Fixed(table.schema(), null, "SUCCESS_WITH_CONTENT", table.rows());
    }
    if (result instanceof StatementResult.TextResult text) {
      return new Fixed(RESULT_COLUMN, null, "SUCCESS_WITH_CONTENT", List.of(Row.of(text.text())));
    }
    if (result instanceof StatementResult.JobResult job) {
      return new Fixed(RowType.builder().add("job id", LogicalType.string()).build(), job.job().id(),
          "SUCCESS_WITH_CONTENT", List.of(Row.of(job.job().id())));
    }
    StatementResult.QueryResult query = (StatementResult.QueryResult) result;
    return new Query(query);
  }

  private static final class Fixed extends StatementOutput {
    private final List<Row> rows;
    private int position;

    Fixed(RowType schema, String jobId, String resultKind, List<Row> rows) {
      super(schema, false, jobId, resultKind);
      this.rows = rows;
    }

    @Override
    synchronized List<Row> next(int max, Duration wait) {
      int end = Math.min(rows.size(), position + max);
      List<Row> page = new ArrayList<>(rows.subList(position, end));
      position = end;
      return page;
    }

    @Override
    synchronized boolean ended() {
      return position >= rows.size();
    }

    @Override
    Throwable failure() {
      return null;
    }

    @Override
    void cancel() {}

    @Override
    boolean live() {
      return false;
    }
  }

  private static final class Query extends StatementOutput {
    private final StatementResult.QueryResult query;

    Query(StatementResult.QueryResult query) {
      super(query.schema(), true, query.job().id(), "SUCCESS_WITH_CONTENT");
      this.query = query;
    }

    ResultStream stream() {
      return query.stream();
    }

    @Override
    List<Row> next(int max, Duration wait) throws InterruptedException {
      return query.stream().poll(wait, max);
    }

    @Override
    boolean ended() {
      return query.stream().isEnd();
    }

    @Override
    Throwable failure() {
      return query.stream().failure();
    }

    @Override
    void cancel() {
      query.stream().close();
    }

    @Override
    boolean live() {
      return !query.job().status().isTerminal();
    }
  }

  /** Rows waiting in a query's buffer for the client (0 for a fixed table). */
  int buffered() {
    return this instanceof Query q ? q.stream().buffered() : 0;
  }
}
