package io.weir.gateway;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.weir.common.config.Configuration;
import io.weir.engine.Engine;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Weir's REST gateway: Flink's SQL Gateway API over an {@link Engine}, with bearer-token
 * authentication, TLS and limits. {@link #start} binds; {@link #stop} drains in-flight requests,
 * then stops the engine's jobs with a last checkpoint so they resume on the next start.
 */
public final class GatewayServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);

  private final GatewayConfig config;
  private final Engine engine;
  private final ScheduledExecutorService timer;
  private final SessionRegistry sessions;
  private final byte[] tokenDigest;
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean draining;
  private Javalin app;
  private boolean stopped;

  private GatewayServer(GatewayConfig config, Engine engine) {
    this.config = config;
    this.engine = engine;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "weir-gateway-timer");
      t.setDaemon(true);
      return t;
    });
    this.sessions = new SessionRegistry(engine, config, timer);
    this.tokenDigest = config.token() == null ? null : sha256(config.token());
  }

  /**
   * Opens the engine (resuming the jobs kept in the state directory, if any) and starts listening.
   *
   * @throws IllegalArgumentException when asked to listen beyond loopback without a token
   */
  public static GatewayServer start(GatewayConfig config) {
    refuseOpenListener(config);
    Configuration defaults = new Configuration(config.engineSettings());
    Engine engine = config.stateDir() == null ? Engine.create(defaults) : Engine.create(defaults, config.stateDir());
    checkSettings(engine, config);
    GatewayServer server = new GatewayServer(config, engine);
    try {
      server.listen();
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** Checks the server's settings as SET would, so a bad value fails the start, not a later job. */
  private static void checkSettings(Engine engine, GatewayConfig config) {
    var session = engine.newSession();
    for (var e : config.engineSettings().entrySet()) {
      try {
        session.execute(GatewaySession.setStatement(e.getKey(), e.getValue()));
      } catch (RuntimeException failure) {
        engine.close();
        throw new IllegalArgumentException("--set " + e.getKey() + "=" + e.getValue() + ": " + failure.getMessage(), failure);
      }
    }
  }

  /** Without a token, anyone who reaches the port could run SQL: only loopback is allowed then. */
  private static void refuseOpenListener(GatewayConfig config) {
    if (config.token() != null) {
      return;
    }
    boolean loopback;
    try {
      loopback = InetAddress.getByName(config.host()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("Unknown host '" + config.host() + "' for --host", e);
    }
    if (!loopback) {
      throw new IllegalArgumentException("Refusing to listen on " + config.host() + " without authentication:"
          + " anyone who reaches that address could run SQL with this server's rights. Give a token with"
          + " --token-file PATH (a file holding one secret line; clients send 'Authorization: Bearer <secret>',"
          + " Flink's clients through FLINK_REST_CLIENT_HEADERS) or listen on 127.0.0.1.");
    }
  }

  private void listen() {
    SqlGatewayRoutes routes = new SqlGatewayRoutes(sessions, config, timer);
    app = Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.startup.showOldJavalinVersionWarning = false;
      cfg.http.maxRequestSize = config.maxRequestBytes();
      if (config.tlsCert() != null) {
        cfg.jetty.addConnector((server, http) -> PemTls.connector(server, http, config.tlsCert(), config.tlsKey(),
            config.host(), config.port()));
      }
      cfg.routes.before(this::admit);
      routes.register((route, handler) -> {
        int space = route.indexOf(' ');
        String path = route.substring(space + 1);
        switch (route.substring(0, space)) {
          case "GET" -> cfg.routes.get(path, counted(handler));
          case "POST" -> cfg.routes.post(path, counted(handler));
          case "DELETE" -> cfg.routes.delete(path, counted(handler));
          default -> throw new IllegalArgumentException(route);
        }
      });
      cfg.routes.exception(GatewayException.class, (e, ctx) -> {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        ErrorBody.headers(ctx, cause, e.code());
        // The message is the gateway's (it may add context to the cause's); the trace is the cause's.
        fail(ctx, e.status(), ErrorBody.of(ErrorBody.message(e), stackTraces(ctx) ? cause : null));
      });
      cfg.routes.exception(HttpResponseException.class, (e, ctx) -> fail(ctx, e.getStatus(),
          ErrorBody.of(e.getStatus() == 404 ? "Not found: " + ctx.path() : e.getMessage())));
      cfg.routes.exception(Exception.class, (e, ctx) -> {
        LOG.warn("Request {} {} failed", ctx.method(), ctx.path(), e);
        ErrorBody.headers(ctx, e, "INTERNAL_ERROR");
        fail(ctx, 500, ErrorBody.of("Internal server error: " + ErrorBody.message(e), stackTraces(ctx) ? e : null));
      });
      cfg.routes.error(404, ctx -> {
        if (!String.valueOf(ctx.res().getContentType()).startsWith("application/json")) {
          fail(ctx, 404, ErrorBody.of("Not found: " + ctx.path()));
        }
      });
      cfg.router.javaLangErrorHandler((res, error) -> LOG.error("Request failed with an error", error));
    });
    app.start(config.host(), config.port());
    LOG.info("Weir gateway listening on {}://{}:{}{}", config.tlsCert() == null ? "http" : "https", config.host(),
        port(), config.token() == null ? " (loopback only, no token)" : " (bearer token required)");
    warmUp();
  }

  /** Authentication, then the body-size limit, for every request, routed or not. */
  private void admit(Context ctx) {
    ctx.header("access-control-allow-origin", "*");
    if (tokenDigest != null && !authorized(ctx.header("Authorization"))) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"weir\"");
      throw new GatewayException(401, "UNAUTHORIZED", "Unauthorized: send the gateway's token as"
          + " 'Authorization: Bearer <token>' (Flink's clients: FLINK_REST_CLIENT_HEADERS=\"Authorization:Bearer <token>\").");
    }
    if (draining) {
      throw new GatewayException(503, "SHUTTING_DOWN", "The gateway is shutting down; retry against its next start.");
    }
    // Reading the body here enforces --max-request-bytes (413) on every route, also those that ignore it.
    ctx.bodyAsBytes();
  }

  /** Compares digests, so neither the token's content nor its length shows in the time taken. */
  private boolean authorized(String header) {
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return MessageDigest.isEqual(tokenDigest, sha256(header.substring(7).strip()));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Handler counted(Handler handler) {
    return ctx -> {
      inFlight.incrementAndGet();
      try {
        handler.handle(ctx);
      } finally {
        inFlight.decrementAndGet();
      }
    };
  }

  private boolean stackTraces(Context ctx) {
    return config.errorStackTraces() || "true".equalsIgnoreCase(ctx.queryParam("stackTrace"));
  }

  private static void fail(Context ctx, int status, String body) {
    ctx.status(status);
    ctx.contentType("application/json; charset=UTF-8");
    ctx.header("access-control-allow-origin", "*");
    ctx.result(body);
  }

  /** The planner's first statement takes seconds (class loading, Calcite's caches): take it before a client does. */
  private void warmUp() {
    Thread t = new Thread(() -> {
      try {
        engine.newSession().execute("EXPLAIN SELECT 1");
      } catch (RuntimeException e) {
        LOG.debug("Warm-up failed", e);
      }
    }, "weir-gateway-warm-up");
    t.setDaemon(true);
    t.start();
  }

  /** The port listened on (the actual one when configured as 0). */
  public int port() {
    return app.port();
  }

  public Engine engine() {
    return engine;
  }

  SessionRegistry sessions() {
    return sessions;
  }

  /** Requests being handled now (for tests of the clean stop). */
  int inFlight() {
    return inFlight.get();
  }

  /**
   * Stops cleanly: new requests get 503, requests in flight (long polls included) finish, the
   * server stops listening, sessions close (their queries cancelled), and running INSERT jobs take
   * a last checkpoint before they stop, so they resume when the gateway starts again on the same
   * state directory.
   */
  public synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    draining = true;
    long deadline = System.nanoTime() + config.shutdownTimeout().toNanos();
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (app != null) {
      app.stop();
    }
    sessions.close();
    engine.closeWithCheckpoints(config.shutdownTimeout());
    timer.shutdownNow();
    LOG.info("Weir gateway stopped");
  }

  @Override
  public void close() {
    stop();
  }
}
