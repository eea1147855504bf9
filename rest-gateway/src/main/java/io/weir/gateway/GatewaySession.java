package io.weir.gateway;

import io.weir.common.config.CoreOptions;
import io.weir.engine.Session;
import io.weir.engine.StatementResult;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One client's session: an engine {@link Session}, its operations, and the one thread that runs
 * its statements in the order they were submitted (the engine session is not thread-safe, and a
 * client expects {@code CREATE TABLE} to have run before the {@code SELECT} sent after it).
 */
final class GatewaySession {
  private final UUID handle;
  private final String name;
  private final Session session;
  private final GatewayConfig config;
  private final ThreadPoolExecutor executor;
  /** Operations in submission order, the oldest first. Guarded by itself. */
  private final Map<UUID, Operation> operations = new LinkedHashMap<>();
  private volatile long lastAccessNanos = System.nanoTime();

  GatewaySession(UUID handle, String name, Session session, GatewayConfig config) {
    this.handle = handle;
    this.name = name;
    this.session = session;
    this.config = config;
    this.executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "weir-gateway-session-" + handle.toString().substring(0, 8));
      t.setDaemon(true);
      return t;
    });
    executor.allowCoreThreadTimeOut(true);
  }

  UUID handle() {
    return handle;
  }

  String name() {
    return name;
  }

  void touch() {
    lastAccessNanos = System.nanoTime();
  }

  long idleNanos() {
    return System.nanoTime() - lastAccessNanos;
  }

  /** The session's settings, sorted by key (the SQL client reads them after every statement). */
  Map<String, String> properties() {
    synchronized (session) {
      return new TreeMap<>(session.config().toMap());
    }
  }

  ZoneId zone() {
    synchronized (session) {
      return ZoneId.of(session.config().get(CoreOptions.LOCAL_TIME_ZONE));
    }
  }

  /** Runs a statement now, on the calling thread (session properties, configure-session). */
  StatementResult executeNow(String statement) {
    synchronized (session) {
      return session.execute(statement);
    }
  }

  /**
   * Submits a statement to run after the ones before it.
   *
   * @param overlay settings for this statement only (Flink's {@code executionConfig})
   * @param timeout how long it may run; zero for no limit
   */
  Operation submit(String statement, Map<String, String> overlay, Duration timeout, ScheduledExecutorService timer) {
    Operation op = new Operation(UUID.randomUUID(), config.maxPageRows(), config.longPollWait());
    synchronized (operations) {
      makeRoomForOperation();
      operations.put(op.handle(), op);
    }
    try {
      op.started(executor.submit(() -> op.execute(() -> run(statement, overlay))));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      throw GatewayException.notFound("SESSION_NOT_FOUND", "Session '" + handle + "' was closed while the statement"
          + " was submitted.");
    }
    if (!timeout.isZero()) {
      timer.schedule(() -> op.timeOut(timeout), timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
    return op;
  }

  private StatementResult run(String statement, Map<String, String> overlay) {
    synchronized (session) {
      if (overlay.isEmpty()) {
        return session.execute(statement);
      }
      Map<String, String> saved = new LinkedHashMap<>(session.config().toMap());
      try {
        overlay.forEach((k, v) -> session.execute(setStatement(k, v)));
        return session.execute(statement);
      } finally {
        session.config().clear();
        saved.forEach(session.config()::set);
      }
    }
  }

  /** {@code SET 'key' = 'value'}, quoted: settings from clients go through SET, so the DDL policy sees them. */
  static String setStatement(String key, String value) {
    return "SET '" + key.replace("'", "''") + "' = '" + value.replace("'", "''") + "'";
  }

  /** Reaps the oldest ended operations when the session holds its maximum; refuses when none ended. */
  private void makeRoomForOperation() {
    int max = config.maxOperationsPerSession();
    if (operations.size() < max) {
      return;
    }
    for (var it = operations.values().iterator(); it.hasNext() && operations.size() >= max; ) {
      Operation op = it.next();
      if (op.status().terminal()) {
        op.close();
        it.remove();
      }
    }
    if (operations.size() >= max) {
      throw GatewayException.tooMany("Session '" + handle + "' already has " + operations.size()
          + " operations that are still running (the limit is " + max + ", --max-operations-per-session);"
          + " close or cancel some (DELETE .../operations/<handle>/close) before submitting more.");
    }
  }

  Operation operation(UUID op) {
    synchronized (operations) {
      Operation o = operations.get(op);
      if (o == null) {
        throw GatewayException.notFound("OPERATION_NOT_FOUND", "Can not find the submitted operation '" + op
            + "' in session '" + handle + "': it was closed, reaped as one of the oldest finished operations,"
            + " or never existed.");
      }
      return o;
    }
  }

  Operation removeOperation(UUID op) {
    Operation o = operation(op);
    synchronized (operations) {
      operations.remove(op);
    }
    return o;
  }

  /** Operations still executing or streaming rows. */
  int runningCount() {
    synchronized (operations) {
      return (int) operations.values().stream().filter(o -> !o.status().terminal()).count();
    }
  }

  int operationCount() {
    synchronized (operations) {
      return operations.size();
    }
  }

  /** Closes every operation (stopping their queries) and the session's thread. */
  void close() {
    List<Operation> all;
    synchronized (operations) {
      all = new ArrayList<>(operations.values());
      operations.clear();
    }
    all.forEach(Operation::close);
    executor.shutdownNow();
  }
}
