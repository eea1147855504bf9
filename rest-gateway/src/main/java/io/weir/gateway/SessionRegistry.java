package io.weir.gateway;

import io.weir.engine.Engine;
import io.weir.engine.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's open sessions: at most {@code --max-sessions}, each closed (its queries cancelled)
 * after {@code --session-idle-timeout} without a request. An expired session is remembered for a
 * while, so a client that comes back is told what happened rather than "does not exist".
 */
final class SessionRegistry implements AutoCloseable {
  /** How many expired sessions are remembered for their error message. */
  private static final int REMEMBERED_EXPIRED = 10_000;

  private final Engine engine;
  private final GatewayConfig config;
  private final GatewayDdlPolicy policy;
  private final ScheduledExecutorService timer;
  private final Map<UUID, GatewaySession> sessions = new ConcurrentHashMap<>();
  private final Map<UUID, String> expired = new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<UUID, String> eldest) {
      return size() > REMEMBERED_EXPIRED;
    }
  };

  SessionRegistry(Engine engine, GatewayConfig config, ScheduledExecutorService timer) {
    this.engine = engine;
    this.config = config;
    this.policy = new GatewayDdlPolicy(config.allowedPathRoots());
    this.timer = timer;
    long check = Math.max(10, Math.min(config.sessionIdleTimeout().toMillis() / 4, 60_000));
    timer.scheduleWithFixedDelay(this::expireIdle, check, check, TimeUnit.MILLISECONDS);
  }

  /**
   * Opens a session with {@code properties} set on top of the server's defaults.
   *
   * @throws GatewayException 429 at the session limit, 400 for a property that cannot be set
   */
  GatewaySession open(String name, Map<String, String> properties) {
    Session session = engine.newSession();
    session.setDdlPolicy(policy);
    session.setResultBufferRows(config.resultBufferRows());
    UUID handle = UUID.randomUUID();
    GatewaySession gs = new GatewaySession(handle, name, session, config);
    for (var p : properties.entrySet()) {
      try {
        gs.executeNow(GatewaySession.setStatement(p.getKey(), p.getValue()));
      } catch (RuntimeException e) {
        throw GatewayException.badRequest("Session property '" + p.getKey() + "' = '" + p.getValue()
            + "' cannot be set: " + e.getMessage());
      }
    }
    synchronized (sessions) {
      if (sessions.size() >= config.maxSessions()) {
        throw GatewayException.tooMany("The gateway already has " + sessions.size() + " open sessions (the limit is "
            + config.maxSessions() + ", --max-sessions). Close sessions you no longer use (DELETE /v3/sessions/<handle>)"
            + " or wait for idle ones to expire after " + config.sessionIdleTimeout().toSeconds() + " s.");
      }
      sessions.put(handle, gs);
    }
    return gs;
  }

  /** The session, marked as used now. */
  GatewaySession get(UUID handle) {
    GatewaySession s = sessions.get(handle);
    if (s == null) {
      String why;
      synchronized (expired) {
        why = expired.get(handle);
      }
      throw GatewayException.notFound(why != null ? "SESSION_EXPIRED" : "SESSION_NOT_FOUND",
          why != null ? why : "Session '" + handle + "' does not exist.");
    }
    s.touch();
    return s;
  }

  void close(UUID handle) {
    GatewaySession s = sessions.remove(handle);
    if (s == null) {
      get(handle); // throws the right message
      return;
    }
    s.close();
  }

  /**
   * Refuses a new statement when {@code --max-running-operations} run in all sessions together:
   * each query is a job with threads of its own, and the machine has only so many.
   */
  void checkRoomForStatement() {
    int running = all().stream().mapToInt(GatewaySession::runningCount).sum();
    if (running >= config.maxRunningOperations()) {
      throw GatewayException.tooMany("The gateway already runs " + running + " statements (the limit is "
          + config.maxRunningOperations() + ", --max-running-operations). Close or cancel queries you no longer"
          + " read (DELETE .../operations/<handle>/close), or retry later.");
    }
  }

  /** Tables and views of the engine's catalog, for statement completion. */
  List<String> tableNames() {
    List<String> names = new ArrayList<>(engine.catalog().tableNames());
    names.addAll(engine.catalog().viewNames());
    return names;
  }

  int size() {
    return sessions.size();
  }

  List<GatewaySession> all() {
    return new ArrayList<>(sessions.values());
  }

  void expireIdle() {
    long limit = config.sessionIdleTimeout().toNanos();
    for (GatewaySession s : all()) {
      if (s.idleNanos() > limit && sessions.remove(s.handle(), s)) {
        synchronized (expired) {
          expired.put(s.handle(), "Session '" + s.handle() + "' expired at " + Instant.now()
              + " after more than " + describe(config.sessionIdleTimeout()) + " without a request"
              + " (--session-idle-timeout), and its queries were cancelled. Open a new session, and send"
              + " POST /v3/sessions/<handle>/heartbeat to keep an idle one open.");
        }
        s.close();
      }
    }
  }

  private static String describe(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  @Override
  public void close() {
    for (GatewaySession s : all()) {
      sessions.remove(s.handle());
      s.close();
    }
  }
}
