package io.weir.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.weir.runtime.job.JobStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The limits that keep one client from exhausting the gateway: body size, sessions, operations, idleness, buffers. */
class GatewayLimitsTest {
  private GatewayServer server;
  private FlinkRestClient client;

  private void start(GatewayConfig.Builder config) {
    server = GatewayServer.start(config.port(0).build());
    client = new FlinkRestClient(server.port());
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void aBodyOverTheLimitGets413() {
    start(GatewayConfig.builder().maxRequestBytes(1024));
    String s = client.openSession(Map.of());
    String big = "SELECT '" + "x".repeat(5000) + "'";
    var r = client.post("/v3/sessions/" + s + "/statements", Map.of("statement", big));
    assertEquals(413, r.status(), r.body());
    assertTrue(r.json().has("errors"), r.body());
    // Also on a route that has no use for a body.
    assertEquals(413, client.send("POST", "/v3/sessions/" + s + "/heartbeat", "{\"pad\":\"" + "x".repeat(5000) + "\"}")
        .status());
    assertEquals(200, client.post("/v3/sessions/" + s + "/heartbeat", "{}").status());
  }

  @Test
  void sessionsOverTheLimitGet429() {
    start(GatewayConfig.builder().maxSessions(2));
    String first = client.openSession(Map.of());
    client.openSession(Map.of());
    var third = client.post("/v3/sessions", "{}");
    assertEquals(429, third.status(), third.body());
    assertTrue(third.error().contains("--max-sessions"), third.body());
    client.delete("/v3/sessions/" + first);
    assertEquals(200, client.post("/v3/sessions", "{}").status());
  }

  @Test
  void theOldestEndedOperationsAreReapedAndRunningOnesAreNot() {
    start(GatewayConfig.builder().maxOperationsPerSession(2));
    String s = client.openSession(Map.of());
    String op1 = client.submit(s, "SELECT 1");
    client.readToEnd(s, op1, "JSON");
    String op2 = client.submit(s, "SELECT 2");
    client.readToEnd(s, op2, "JSON");
    String op3 = client.submit(s, "SELECT 3");
    assertEquals(404, client.get("/v3/sessions/" + s + "/operations/" + op1 + "/status").status());
    assertEquals(200, client.get("/v3/sessions/" + s + "/operations/" + op2 + "/status").status());
    client.readToEnd(s, op3, "JSON");

    String t = client.openSession(Map.of());
    client.readToEnd(t, client.submit(t, "CREATE TABLE endless (k INT) WITH ('connector'='datagen', 'rows-per-second'='5')"),
        "JSON");
    String q1 = client.submit(t, "SELECT k FROM endless");
    String q2 = client.submit(t, "SELECT k FROM endless");
    // The CREATE TABLE (ended) is reaped for q2; two running queries leave no room.
    client.firstPage(t, q1, "JSON");
    client.firstPage(t, q2, "JSON");
    var q3 = client.post("/v3/sessions/" + t + "/statements", Map.of("statement", "SELECT 1"));
    assertEquals(429, q3.status(), q3.body());
    assertTrue(q3.error().contains("--max-operations-per-session"), q3.body());
  }

  @Test
  void runningStatementsOverTheServerLimitGet429() {
    start(GatewayConfig.builder().maxRunningOperations(2));
    String a = client.openSession(Map.of());
    String b = client.openSession(Map.of());
    client.readToEnd(a, client.submit(a, "CREATE TABLE endless (k INT) WITH ('connector'='datagen', 'rows-per-second'='5')"),
        "JSON");
    String q1 = client.submit(a, "SELECT k FROM endless");
    client.firstPage(a, q1, "JSON");
    client.firstPage(b, client.submit(b, "SELECT k FROM endless"), "JSON");
    var third = client.post("/v3/sessions/" + b + "/statements", Map.of("statement", "SELECT 1"));
    assertEquals(429, third.status(), third.body());
    assertTrue(third.error().contains("--max-running-operations"), third.body());
    client.delete("/v3/sessions/" + a + "/operations/" + q1 + "/close");
    assertEquals(1, client.readToEnd(b, client.submit(b, "SELECT 1"), "JSON").size());
  }

  @Test
  void anIdleSessionExpiresCancellingItsQueries() {
    start(GatewayConfig.builder().sessionIdleTimeout(Duration.ofMillis(500)));
    String s = client.openSession(Map.of());
    client.readToEnd(s, client.submit(s, "CREATE TABLE endless (k INT) WITH ('connector'='datagen', 'rows-per-second'='5')"),
        "JSON");
    String op = client.submit(s, "SELECT k FROM endless");
    String jobId = client.firstPage(s, op, "JSON").get("jobID").asText();
    // No more requests: the session expires, and with it the query.
    assertEquals(JobStatus.CANCELED, await(jobId));
    var later = client.get("/v3/sessions/" + s + "/operations/" + op + "/result/1");
    assertEquals(404, later.status(), later.body());
    assertTrue(later.error().contains("Session '" + s + "' expired"), later.body());
    assertEquals("SESSION_EXPIRED", later.header("Weir-Error-Code"));
  }

  @Test
  void aClientThatStopsFetchingBackPressuresItsQueryWithoutLosingRows() {
    int cap = 50;
    start(GatewayConfig.builder().resultBufferRows(cap).maxPageRows(20));
    String s = client.openSession(Map.of());
    client.readToEnd(s, client.submit(s, "CREATE TABLE seq (id BIGINT) WITH ('connector'='datagen',"
        + " 'fields.id.kind'='sequence', 'fields.id.start'='1', 'fields.id.end'='5000')"), "JSON");
    String op = client.submit(s, "SELECT id FROM seq");
    var page = client.firstPage(s, op, "JSON");
    List<Long> ids = new ArrayList<>();
    page.get("results").get("data").forEach(r -> ids.add(r.get("fields").get(0).asLong()));

    Operation operation = server.sessions().get(UUID.fromString(s)).operation(UUID.fromString(op));
    String jobId = page.get("jobID").asText();
    while (operation.output().buffered() < cap) {
      FlinkRestClient.sleep(20);
    }
    for (int i = 0; i < 5; i++) {
      FlinkRestClient.sleep(50);
      assertTrue(operation.output().buffered() <= cap, "buffered " + operation.output().buffered());
      assertFalse(server.engine().job(jobId).orElseThrow().status().isTerminal(),
          "the job waits for the client instead of finishing into memory");
    }
    while (!page.get("resultType").asText().equals("EOS")) {
      page = client.get(client.resultPath(s, op, FlinkRestClient.nextToken(page), "JSON"));
      assertEquals(200, page.status(), page.body());
      JsonNode data = page.get("results").get("data");
      assertTrue(data.size() <= 20);
      data.forEach(r -> ids.add(r.get("fields").get(0).asLong()));
    }
    assertEquals(5000, ids.size());
    for (int i = 0; i < ids.size(); i++) {
      assertEquals(i + 1L, ids.get(i));
    }
  }

  @Test
  void aBackPressuredQueryStillStopsWhenItsOperationCloses() {
    start(GatewayConfig.builder().resultBufferRows(10));
    String s = client.openSession(Map.of());
    client.readToEnd(s, client.submit(s, "CREATE TABLE fast (id BIGINT) WITH ('connector'='datagen',"
        + " 'rows-per-second'='1000000')"), "JSON");
    String op = client.submit(s, "SELECT id FROM fast");
    String jobId = client.firstPage(s, op, "JSON").get("jobID").asText();
    Operation operation = server.sessions().get(UUID.fromString(s)).operation(UUID.fromString(op));
    while (operation.output().buffered() < 10) {
      FlinkRestClient.sleep(10);
    }
    assertEquals("{\"status\":\"CLOSED\"}", client.delete("/v3/sessions/" + s + "/operations/" + op + "/close").body());
    assertEquals(JobStatus.CANCELED, await(jobId));
  }

  private JobStatus await(String jobId) {
    try {
      return server.engine().job(jobId).orElseThrow().await(Duration.ofSeconds(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
