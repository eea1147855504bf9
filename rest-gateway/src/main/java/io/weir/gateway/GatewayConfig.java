package io.weir.gateway;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How a gateway listens, whom it lets in, and the limits that keep one client from taking the
 * server down. Every limit has a safe default; {@link GatewayMain} maps command-line flags here.
 *
 * @param token the bearer token clients must send, or null for none (then only loopback is allowed)
 * @param tlsCert PEM certificate (chain) for HTTPS, or null for plain HTTP
 * @param tlsKey PEM PKCS#8 private key for {@code tlsCert}
 * @param stateDir where the engine keeps its catalog, jobs and checkpoints, or null for none
 * @param maxRunningOperations statements running at once in all sessions together (each query is a job
 *     with threads of its own)
 * @param statementTimeout the longest a statement may run unless it asks for less; zero for no limit
 * @param longPollWait how long a fetch waits for rows before it answers an empty page
 * @param engineSettings every session's starting settings (as with SET), e.g. a checkpoint interval
 */
public record GatewayConfig(
    String host,
    int port,
    String token,
    Path tlsCert,
    Path tlsKey,
    Path stateDir,
    long maxRequestBytes,
    int maxSessions,
    int maxOperationsPerSession,
    int maxRunningOperations,
    Duration sessionIdleTimeout,
    int resultBufferRows,
    int maxPageRows,
    Duration statementTimeout,
    Duration longPollWait,
    Duration shutdownTimeout,
    List<Path> allowedPathRoots,
    List<String> apiVersions,
    boolean errorStackTraces,
    java.util.Map<String, String> engineSettings) {

  public GatewayConfig {
    requireNonNull(host, "host");
    check(port >= 0 && port <= 65_535, "port must be within 0..65535 but was %s", port);
    check(token == null || !token.isBlank(), "the token must not be blank");
    check((tlsCert == null) == (tlsKey == null), "TLS needs both a certificate and a key (--tls-cert and --tls-key)");
    check(maxRequestBytes > 0, "max request bytes must be positive but was %s", maxRequestBytes);
    check(maxSessions > 0, "max sessions must be positive but was %s", maxSessions);
    check(maxOperationsPerSession > 0, "max operations per session must be positive but was %s", maxOperationsPerSession);
    check(maxRunningOperations > 0, "max running operations must be positive but was %s", maxRunningOperations);
    check(!sessionIdleTimeout.isNegative() && !sessionIdleTimeout.isZero(),
        "the session idle timeout must be positive but was %s", sessionIdleTimeout);
    check(resultBufferRows > 0, "result buffer rows must be positive but was %s", resultBufferRows);
    check(maxPageRows > 0, "max page rows must be positive but was %s", maxPageRows);
    check(!statementTimeout.isNegative(), "the statement timeout must not be negative but was %s", statementTimeout);
    check(!longPollWait.isNegative(), "the long-poll wait must not be negative but was %s", longPollWait);
    allowedPathRoots = List.copyOf(allowedPathRoots);
    apiVersions = List.copyOf(apiVersions);
    engineSettings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(engineSettings));
    for (String v : apiVersions) {
      check(v.equals("V1") || v.equals("V2") || v.equals("V3"), "API versions are V1, V2 or V3 but one was %s", v);
    }
  }

  private static void check(boolean condition, String message, Object... args) {
    if (!condition) {
      throw new IllegalArgumentException(String.format(message, args));
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link GatewayConfig}, starting from the defaults. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 8083;
    private String token;
    private Path tlsCert;
    private Path tlsKey;
    private Path stateDir;
    private long maxRequestBytes = 1 << 20;
    private int maxSessions = 100;
    private int maxOperationsPerSession = 100;
    private int maxRunningOperations = 64;
    private Duration sessionIdleTimeout = Duration.ofMinutes(10);
    private int resultBufferRows = 10_000;
    private int maxPageRows = 1_000;
    private Duration statementTimeout = Duration.ZERO;
    private Duration longPollWait = Duration.ofSeconds(1);
    private Duration shutdownTimeout = Duration.ofSeconds(30);
    private final List<Path> allowedPathRoots = new ArrayList<>();
    private List<String> apiVersions = List.of("V1", "V2", "V3");
    private boolean errorStackTraces;
    private final java.util.Map<String, String> engineSettings = new java.util.LinkedHashMap<>();

    public Builder host(String v) { host = v; return this; }
    public Builder port(int v) { port = v; return this; }
    public Builder token(String v) { token = v; return this; }
    public Builder tls(Path cert, Path key) { tlsCert = cert; tlsKey = key; return this; }
    public Builder stateDir(Path v) { stateDir = v; return this; }
    public Builder maxRequestBytes(long v) { maxRequestBytes = v; return this; }
    public Builder maxSessions(int v) { maxSessions = v; return this; }
    public Builder maxOperationsPerSession(int v) { maxOperationsPerSession = v; return this; }
    public Builder maxRunningOperations(int v) { maxRunningOperations = v; return this; }
    public Builder sessionIdleTimeout(Duration v) { sessionIdleTimeout = v; return this; }
    public Builder resultBufferRows(int v) { resultBufferRows = v; return this; }
    public Builder maxPageRows(int v) { maxPageRows = v; return this; }
    public Builder statementTimeout(Duration v) { statementTimeout = v; return this; }
    public Builder longPollWait(Duration v) { longPollWait = v; return this; }
    public Builder shutdownTimeout(Duration v) { shutdownTimeout = v; return this; }
    public Builder allowPath(Path v) { allowedPathRoots.add(v); return this; }
    public Builder apiVersions(List<String> v) { apiVersions = v; return this; }
    public Builder errorStackTraces(boolean v) { errorStackTraces = v; return this; }
    public Builder set(String key, String value) { engineSettings.put(key, value); return this; }

    public GatewayConfig build() {
      return new GatewayConfig(host, port, token, tlsCert, tlsKey, stateDir, maxRequestBytes, maxSessions,
          maxOperationsPerSession, maxRunningOperations, sessionIdleTimeout, resultBufferRows, maxPageRows, statementTimeout,
          longPollWait, shutdownTimeout, allowedPathRoots, apiVersions, errorStackTraces, engineSettings);
    }
  }
}
