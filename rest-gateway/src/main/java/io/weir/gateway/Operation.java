package io.weir.gateway;

import io.weir.common.data.Row;
import io.weir.common.error.WeirException;
import io.weir.engine.StatementResult;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One statement a client submitted: executed asynchronously, its result handed out in pages by
 * consecutive tokens. Token {@code t} gives the next page; asking for {@code t} again gives the
 * same page (a retry); any other token is an error. Once a page was served, the answer is never
 * NOT_READY again: an empty page is held up to the long-poll wait until rows arrive. Thread-safe.
 */
final class Operation {
  enum Status {
    INITIALIZED, PENDING, RUNNING, FINISHED, CANCELED, CLOSED, ERROR, TIMEOUT;

    boolean terminal() {
      return this == FINISHED || this == CANCELED || this == CLOSED || this == ERROR || this == TIMEOUT;
    }
  }

  /** A page: rows, and whether the stream ended with it (EOS). */
  record Page(boolean eos, List<Row> rows) {}

  private final UUID handle;
  private final int pageRows;
  private final Duration longPoll;
  private final CountDownLatch executed = new CountDownLatch(1);
  private final ReentrantLock fetchLock = new ReentrantLock();

  /** Set only for an end the operation itself decided: CANCELED, CLOSED, ERROR, TIMEOUT. */
  private volatile Status endStatus;
  private volatile StatementOutput output;
  private volatile Throwable error;
  private Future<?> execution;

  // Guarded by fetchLock.
  private long lastToken = -1;
  private Page lastPage;

  Operation(UUID handle, int pageRows, Duration longPoll) {
    this.handle = handle;
    this.pageRows = pageRows;
    this.longPoll = longPoll;
  }

  UUID handle() {
    return handle;
  }

  synchronized void started(Future<?> execution) {
    this.execution = execution;
  }

  /** Runs the statement; called once, on the session's executor. */
  void execute(Callable<StatementResult> statement) {
    try {
      StatementOutput out = StatementOutput.of(statement.call());
      synchronized (this) {
        if (endStatus != null) {
          out.cancel(); // cancelled, closed or timed out while it was being planned
        } else {
          output = out;
        }
      }
    } catch (Throwable t) {
      synchronized (this) {
        if (endStatus == null) {
          error = t;
          endStatus = Status.ERROR;
        }
      }
    } finally {
      executed.countDown();
    }
  }

  /** Flink's status: RUNNING while executing or while a query has rows to come, then FINISHED. */
  Status status() {
    Status end = endStatus;
    if (end != null) {
      return end;
    }
    StatementOutput out = output;
    if (out == null) {
      return Status.RUNNING;
    }
    return out.isQueryResult && !out.ended() ? Status.RUNNING : Status.FINISHED;
  }

  /** The output once the statement has executed, else null. */
  StatementOutput output() {
    return output;
  }

  /**
   * The page for {@code token}, or null when the statement is still executing and no page was
   * served yet (NOT_READY).
   *
   * @throws GatewayException for a token out of sequence, or when the statement failed, was
   *     cancelled, closed or timed out
   */
  Page fetch(long token) throws InterruptedException {
    fetchLock.lockInterruptibly();
    try {
      if (lastPage != null && token == lastToken) {
        return lastPage;
      }
      if (token != lastToken + 1) {
        throw GatewayException.badRequest(lastToken < 0
            ? "Expecting token to be 0, but found " + token + "."
            : "Expecting token to be " + (lastToken + 1) + " or " + lastToken + ", but found " + token + ".");
      }
      if (lastPage != null && lastPage.eos()) {
        return lastPage; // nothing comes after the end
      }
      if (output == null && endStatus == null) {
        executed.await(longPoll.toMillis(), TimeUnit.MILLISECONDS);
      }
      checkFetchable();
      StatementOutput out = output;
      if (out == null) {
        return null;
      }
      List<Row> rows = out.next(pageRows, longPoll);
      Page page;
      if (rows.isEmpty() && out.ended()) {
        Throwable failure = out.failure();
        if (failure != null) {
          synchronized (this) {
            if (endStatus == null) {
              error = failure;
              endStatus = Status.ERROR;
            }
          }
          checkFetchable();
        }
        page = new Page(true, List.of());
      } else {
        page = new Page(false, rows);
      }
      lastToken = token;
      lastPage = page;
      return page;
    } finally {
      fetchLock.unlock();
    }
  }

  private void checkFetchable() {
    Status end = endStatus;
    if (end == null) {
      return;
    }
    if (end == Status.ERROR || end == Status.TIMEOUT) {
      throw statementError(error);
    }
    throw GatewayException.conflict("Can not fetch results from the operation '" + handle + "' in " + end
        + " status.");
  }

  static GatewayException statementError(Throwable error) {
    if (error instanceof GatewayException g) {
      return g;
    }
    String code = ErrorBody.sqlCause(error) != null ? "SQL_ERROR"
        : error instanceof TimeoutError ? "STATEMENT_TIMEOUT" : "STATEMENT_FAILED";
    String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    if (!(error instanceof WeirException)) {
      message = "Statement failed: " + message;
    }
    return new GatewayException(500, code, message, error);
  }

  /**
   * Stops the statement: interrupts its planning or cancels its query's job.
   *
   * @throws GatewayException when it already ended
   */
  synchronized Status cancel() {
    Status now = status();
    if (now.terminal()) {
      throw GatewayException.conflict("Operation '" + handle + "' is " + now
          + "; only a RUNNING operation can be cancelled.");
    }
    end(Status.CANCELED, null);
    return Status.CANCELED;
  }

  /** Ends the statement if it still runs because its statement timeout passed. */
  synchronized void timeOut(Duration timeout) {
    if (!status().terminal()) {
      end(Status.TIMEOUT, new TimeoutError("The statement did not finish within its execution timeout of "
          + timeout.toMillis() + " ms, so it was cancelled. Give a larger \"executionTimeout\" (ms) with the"
          + " statement, or 0 for none, within the gateway's --statement-timeout."));
    }
  }

  /** Stops whatever still runs and forgets the result (close, session end). */
  synchronized void close() {
    end(Status.CLOSED, null);
  }

  private void end(Status status, Throwable cause) {
    if (endStatus == null || status == Status.CLOSED) {
      endStatus = status;
      if (cause != null) {
        error = cause;
      }
    }
    if (execution != null) {
      execution.cancel(true);
    }
    StatementOutput out = output;
    if (out != null) {
      out.cancel();
    }
  }

  /** The error of a statement that ran past its execution timeout. */
  static final class TimeoutError extends WeirException {
    TimeoutError(String message) {
      super(message);
    }
  }
}
