package io.weir.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code weir gateway} command line. */
class GatewayMainTest {
  @TempDir Path dir;

  @Test
  void flagsBecomeTheConfiguration() throws Exception {
    Path token = Files.writeString(dir.resolve("token"), "0123456789abcdef0123\n");
    GatewayConfig c = GatewayMain.parse(new String[] {"--host", "0.0.0.0", "--port", "9000", "--token-file",
        token.toString(), "--state-dir", dir.toString(), "--allowed-path", "/data", "--max-sessions", "7",
        "--session-idle-timeout", "30 s", "--statement-timeout", "10 min", "--api-versions", "V1,V2",
        "--set", "execution.checkpointing.interval=10 s"});
    assertEquals("0.0.0.0", c.host());
    assertEquals(9000, c.port());
    assertEquals("0123456789abcdef0123", c.token());
    assertEquals(dir, c.stateDir());
    assertEquals(List.of(Path.of("/data")), c.allowedPathRoots());
    assertEquals(7, c.maxSessions());
    assertEquals(Duration.ofSeconds(30), c.sessionIdleTimeout());
    assertEquals(Duration.ofMinutes(10), c.statementTimeout());
    assertEquals(List.of("V1", "V2"), c.apiVersions());
    assertEquals(java.util.Map.of("execution.checkpointing.interval", "10 s"), c.engineSettings());
    assertNull(GatewayMain.parse(new String[] {"--help"}));
  }

  @Test
  void serverSettingsAreEverySessionsStartAndAreCheckedAtStart() {
    GatewayServer server = GatewayServer.start(GatewayConfig.builder().port(0)
        .set("execution.checkpointing.interval", "10 s").build());
    try {
      FlinkRestClient client = new FlinkRestClient(server.port());
      String s = client.openSession(java.util.Map.of());
      assertEquals("10 s", client.get("/v3/sessions/" + s).get("properties").get("execution.checkpointing.interval").asText());
    } finally {
      server.stop();
    }
    var bad = assertThrows(IllegalArgumentException.class, () -> GatewayServer.start(GatewayConfig.builder().port(0)
        .set("parallelism.default", "many").build()));
    assertTrue(bad.getMessage().startsWith("--set parallelism.default=many"), bad.getMessage());
  }

  @Test
  void badFlagsAreRefusedSayingWhy() throws Exception {
    Path shortToken = Files.writeString(dir.resolve("short"), "abc\n");
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> GatewayMain.parse(new String[] {"--token-file", shortToken.toString()})).getMessage().contains("openssl rand"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> GatewayMain.parse(new String[] {"--port", "http"})).getMessage().contains("--port"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> GatewayMain.parse(new String[] {"--bogus", "1"})).getMessage().contains("--bogus"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> GatewayMain.parse(new String[] {"--tls-cert", "c.pem"})).getMessage().contains("--tls-key"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> GatewayMain.parse(new String[] {"--api-versions", "V4"})).getMessage().contains("V4"));
  }
}
