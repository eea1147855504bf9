package io.weir.gateway;

import io.weir.common.config.Durations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code weir gateway [options]}: runs the REST gateway until SIGTERM or Ctrl-C, then stops it
 * cleanly (see {@link GatewayServer#stop}).
 */
public final class GatewayMain {
  private static final String USAGE = """
      Usage: weir gateway [options]

      Serves Flink's SQL Gateway REST API (V1-V3) over Weir, for Flink's JDBC driver, its SQL client
      (sql-client.sh gateway --endpoint HOST:PORT) and curl. Stops cleanly on SIGTERM or Ctrl-C.

        --host HOST                     address to listen on (default 127.0.0.1; another address needs a token)
        --port PORT                     port (default 8083; 0 picks a free one)
        --token-file PATH               require 'Authorization: Bearer <the file's one line>' on every request
        --tls-cert PEM --tls-key PEM    serve HTTPS with this certificate (chain) and PKCS#8 key
        --state-dir DIR                 keep the catalog, INSERT jobs and checkpoints in DIR; jobs resume on restart
        --allowed-path DIR              a directory DDL and SET may name (filesystem tables, checkpoint dirs);
                                        repeat for more. Without one, no path is allowed.
        --max-request-bytes N           largest request body (default 1048576; larger gets 413)
        --max-sessions N                open sessions (default 100; more gets 429)
        --max-operations-per-session N  operations kept per session (default 100; the oldest ended are reaped)
        --max-running-operations N      statements running at once in all sessions (default 64; more gets 429)
        --session-idle-timeout DUR      close a session without requests for DUR, cancelling its queries (default 10 min)
        --result-buffer-rows N          rows a query buffers for a client that does not fetch; then it waits (default 10000)
        --max-page-rows N               rows in one result page (default 1000)
        --statement-timeout DUR         longest a statement may run, 0 for no limit (default 0)
        --long-poll DUR                 how long an empty result page waits for rows (default 1 s)
        --shutdown-timeout DUR          how long stopping may wait for requests and checkpoints (default 30 s)
        --api-versions V1,V2,V3         versions /api_versions advertises (Flink 1.18 clients need V1,V2)
        --set KEY=VALUE                 a setting every session starts with, as SET 'KEY' = 'VALUE' (repeatable),
                                        e.g. --set execution.checkpointing.interval=10s
        --error-stack-traces            put server stack traces into error bodies (else only with ?stackTrace=true)

      Durations: 500 ms, 30 s, 10 min, 1 h.""";

  private GatewayMain() {}

  public static void main(String[] args) throws InterruptedException {
    GatewayConfig config;
    try {
      config = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("weir gateway: " + e.getMessage());
      System.err.println("Run 'weir gateway --help' for the options.");
      System.exit(2);
      return;
    }
    if (config == null) {
      System.out.println(USAGE);
      return;
    }
    GatewayServer server;
    try {
      server = GatewayServer.start(config);
    } catch (RuntimeException e) {
      System.err.println("weir gateway: " + e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.stop();
      stopped.countDown();
    }, "weir-gateway-shutdown"));
    System.out.println("Weir gateway listening on " + (config.tlsCert() == null ? "http" : "https") + "://"
        + config.host() + ":" + server.port());
    stopped.await();
  }

  /** The configuration the arguments describe, or null when they ask for help. */
  static GatewayConfig parse(String[] args) {
    GatewayConfig.Builder b = GatewayConfig.builder();
    Path cert = null;
    Path key = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--help") || a.equals("-h")) {
        return null;
      }
      if (a.equals("--error-stack-traces")) {
        b.errorStackTraces(true);
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(a.startsWith("--") ? a + " needs a value" : "unexpected argument '" + a + "'");
      }
      String v = args[++i];
      switch (a) {
        case "--host" -> b.host(v);
        case "--port" -> b.port(integer(a, v));
        case "--token-file" -> b.token(readToken(Path.of(v)));
        case "--tls-cert" -> cert = Path.of(v);
        case "--tls-key" -> key = Path.of(v);
        case "--state-dir" -> b.stateDir(Path.of(v));
        case "--allowed-path" -> b.allowPath(Path.of(v));
        case "--max-request-bytes" -> b.maxRequestBytes(integer(a, v));
        case "--max-sessions" -> b.maxSessions(integer(a, v));
        case "--max-operations-per-session" -> b.maxOperationsPerSession(integer(a, v));
        case "--max-running-operations" -> b.maxRunningOperations(integer(a, v));
        case "--session-idle-timeout" -> b.sessionIdleTimeout(duration(a, v));
        case "--result-buffer-rows" -> b.resultBufferRows(integer(a, v));
        case "--max-page-rows" -> b.maxPageRows(integer(a, v));
        case "--statement-timeout" -> b.statementTimeout(duration(a, v));
        case "--long-poll" -> b.longPollWait(duration(a, v));
        case "--shutdown-timeout" -> b.shutdownTimeout(duration(a, v));
        case "--set" -> {
          int eq = v.indexOf('=');
          if (eq <= 0) {
            throw new IllegalArgumentException("--set takes KEY=VALUE but was '" + v + "'");
          }
          b.set(v.substring(0, eq).strip(), v.substring(eq + 1).strip());
        }
        case "--api-versions" -> b.apiVersions(Arrays.stream(v.split(",")).map(String::strip).toList());
        default -> throw new IllegalArgumentException("unknown option '" + a + "'");
      }
    }
    b.tls(cert, key);
    return b.build();
  }

  /** The first line of the token file; the file should be readable by the server's user only. */
  static String readToken(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the token file " + file + ": " + e.getMessage());
    }
    try {
      var permissions = Files.getPosixFilePermissions(file);
      if (permissions.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)
          || permissions.contains(java.nio.file.attribute.PosixFilePermission.GROUP_READ)) {
        System.err.println("weir gateway: warning: the token file " + file + " is readable by other users;"
            + " chmod 600 " + file);
      }
    } catch (UnsupportedOperationException | IOException e) {
      // not a POSIX file system: nothing to check
    }
    String token = lines.isEmpty() ? "" : lines.get(0).strip();
    if (token.length() < 16) {
      throw new IllegalArgumentException("the token in " + file + " is " + (token.isEmpty() ? "empty" : "shorter than 16"
          + " characters") + "; write a long random one, e.g.: openssl rand -hex 32 > " + file);
    }
    return token;
  }

  private static int integer(String option, String v) {
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " takes a whole number but was '" + v + "'");
    }
  }

  private static java.time.Duration duration(String option, String v) {
    try {
      return Durations.parse(v);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(option + " takes a duration such as '30 s' or '10 min' but was '" + v + "'");
    }
  }
}
