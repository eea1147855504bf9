package io.weir.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.weir.runtime.job.JobStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Flink SQL Gateway's REST API as Flink's clients use it, against a real gateway on loopback. */
class SqlGatewayApiTest {
  private static GatewayServer server;
  private static FlinkRestClient client;

  @BeforeAll
  static void start() {
    server = GatewayServer.start(GatewayConfig.builder().port(0).maxPageRows(4)
        .longPollWait(Duration.ofSeconds(30)).build());
    client = new FlinkRestClient(server.port());
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void advertisesExactlyV1ToV3OnEveryPrefix() {
    for (String prefix : List.of("", "/v1", "/v2", "/v3")) {
      var r = client.get(prefix + "/api_versions");
      assertEquals(200, r.status());
      assertEquals("{\"versions\":[\"V1\",\"V2\",\"V3\"]}", r.body());
      assertEquals("*", r.raw().headers().firstValue("access-control-allow-origin").orElse(null));
    }
  }

  @Test
  void unknownPathsAndMalformedHandlesAnswerInFlinksErrorShape() {
    var notFound = client.get("/v3/nosuch");
    assertEquals(404, notFound.status());
    assertEquals("{\"errors\":[\"Not found: /v3/nosuch\"]}", notFound.body());

    var badHandle = client.post("/v3/sessions/not-a-uuid/statements", Map.of("statement", "SELECT 1"));
    assertEquals(400, badHandle.status());
    assertEquals("Bad request, could not parse parameters: Cannot resolve path parameter (session_handle) from value"
        + " \"not-a-uuid\".", badHandle.error());

    var noSession = client.post("/v3/sessions/00000000-0000-0000-0000-000000000000/statements",
        Map.of("statement", "SELECT 1"));
    assertEquals(404, noSession.status());
    assertTrue(noSession.error().contains("Session '00000000-0000-0000-0000-000000000000' does not exist."),
        noSession.body());

    // Unknown fields are ignored and numbers coerced, as in Flink; an empty body counts as {}.
    assertEquals(200, client.post("/v3/sessions", "{\"sessionName\":5,\"bogus\":1}").status());
    assertEquals(200, client.send("POST", "/v3/sessions", "").status());
    var notJson = client.post("/v3/sessions", "{not json");
    assertEquals(400, notJson.status());
    assertTrue(notJson.error().startsWith("Bad request"), notJson.body());
  }

  @Test
  void boundedSelectIsPagedByConsecutiveTokensToEos() {
    String s = client.openSession(Map.of());
    String op = client.submit(s, "SELECT id, CAST(id * 10 AS BIGINT) AS ten FROM (VALUES (1),(2),(3),(4),(5),(6),(7),(8),(9),(10)) AS t(id)");
    List<Integer> ids = new ArrayList<>();
    var page = client.firstPage(s, op, "JSON");
    long token = 0;
    int pages = 0;
    while (true) {
      assertEquals(200, page.status(), page.body());
      String type = page.get("resultType").asText();
      assertTrue(type.equals("PAYLOAD") || type.equals("EOS"), page.body());
      assertTrue(page.get("isQueryResult").asBoolean());
      assertEquals(32, page.get("jobID").asText().length());
      assertEquals("SUCCESS_WITH_CONTENT", page.get("resultKind").asText());
      assertEquals("[{\"name\":\"id\",\"logicalType\":{\"type\":\"INTEGER\",\"nullable\":false},\"comment\":null},"
          + "{\"name\":\"ten\",\"logicalType\":{\"type\":\"BIGINT\",\"nullable\":false},\"comment\":null}]",
          page.get("results").get("columns").toString());
      JsonNode data = page.get("results").get("data");
      assertTrue(data.size() <= 4, "a page carries at most --max-page-rows rows: " + data.size());
      data.forEach(row -> {
        assertEquals("INSERT", row.get("kind").asText());
        ids.add(row.get("fields").get(0).asInt());
        assertEquals(row.get("fields").get(0).asLong() * 10, row.get("fields").get(1).asLong());
      });
      if (type.equals("EOS")) {
        assertFalse(page.json().has("nextResultUri"), page.body());
        break;
      }
      long next = FlinkRestClient.nextToken(page);
      assertEquals(token + 1, next);
      assertEquals("/v3/sessions/" + s + "/operations/" + op + "/result/" + next + "?rowFormat=JSON",
          page.get("nextResultUri").asText());
      // Fetching the same token again is a retry: the same page.
      assertEquals(page.body(), client.get(client.resultPath(s, op, token, "JSON")).body());
      token = next;
      page = client.get(client.resultPath(s, op, token, "JSON"));
      pages++;
    }
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), ids);
    assertTrue(pages >= 3, "10 rows at 4 a page take at least 3 pages: " + pages);

    var outOfOrder = client.get(client.resultPath(s, op, token + 5, "JSON"));
    assertEquals(400, outOfOrder.status());
    assertTrue(outOfOrder.error().startsWith("Expecting token to be "), outOfOrder.body());
    assertEquals("FINISHED", client.get("/v3/sessions/" + s + "/operations/" + op + "/status").get("status").asText());
    assertEquals("{\"status\":\"CLOSED\"}", client.delete("/v3/sessions/" + s + "/operations/" + op + "/close").body());
    assertEquals(404, client.get("/v3/sessions/" + s + "/operations/" + op + "/status").status());
  }

  @Test
  void ddlAnswersOkThenEosAndShowListsTheTable() {
    String s = client.openSession(Map.of());
    String op = client.submit(s, "CREATE TABLE api_ddl (id INT) WITH ('connector'='datagen','number-of-rows'='1')");
    var first = client.firstPage(s, op, "JSON");
    assertEquals("{\"resultType\":\"PAYLOAD\",\"isQueryResult\":false,\"resultKind\":\"SUCCESS\",\"results\":"
        + "{\"columns\":[{\"name\":\"result\",\"logicalType\":{\"type\":\"VARCHAR\",\"nullable\":true,\"length\":2147483647},"
        + "\"comment\":null}],\"rowFormat\":\"JSON\",\"data\":[{\"kind\":\"INSERT\",\"fields\":[\"OK\"]}]},"
        + "\"nextResultUri\":\"/v3/sessions/" + s + "/operations/" + op + "/result/1?rowFormat=JSON\"}", first.body());
    var eos = client.get(client.resultPath(s, op, 1, "JSON"));
    assertEquals("{\"resultType\":\"EOS\",\"isQueryResult\":false,\"resultKind\":\"SUCCESS\",\"results\":"
        + "{\"columns\":[{\"name\":\"result\",\"logicalType\":{\"type\":\"VARCHAR\",\"nullable\":true,\"length\":2147483647},"
        + "\"comment\":null}],\"rowFormat\":\"JSON\",\"data\":[]}}", eos.body());

    List<JsonNode> tables = client.readToEnd(s, client.submit(s, "SHOW TABLES;"), "JSON");
    assertTrue(tables.stream().anyMatch(r -> r.get("fields").get(0).asText().equals("api_ddl")), tables.toString());
  }

  @Test
  void valuesAreEncodedAsFlinkEncodesThemInBothRowFormats() {
    String s = client.openSession(Map.of("table.local-time-zone", "UTC"));
    String sql = "SELECT CAST(12.345 AS DECIMAL(10,3)) AS d, CAST(TIMESTAMP '2024-05-06 07:08:09' AS TIMESTAMP(3)) AS ts3,"
        + " TO_TIMESTAMP_LTZ(1714979289123, 3) AS ltz, DATE '2024-05-06' AS dt, TIME '07:08:09' AS tm,"
        + " ARRAY[1,2,NULL] AS arr, MAP['k1', 1] AS mp, ROW(1, 'a', CAST(NULL AS INT)) AS rw, X'CAFE' AS bin,"
        + " TRUE AS b, CAST(NULL AS VARCHAR) AS nul, INTERVAL '2' DAY AS iv, INTERVAL '14' MONTH AS ym";
    List<JsonNode> json = client.readToEnd(s, client.submit(s, sql), "JSON");
    assertEquals("[12.345,\"2024-05-06T07:08:09\",\"2024-05-06T07:08:09.123Z\",\"2024-05-06\",\"07:08:09\",[1,2,null],"
        + "{\"k1\":1},{\"EXPR$0\":1,\"EXPR$1\":\"a\",\"EXPR$2\":null},\"yv4=\",true,null,172800000,14]",
        json.get(0).get("fields").toString());
    List<JsonNode> plain = client.readToEnd(s, client.submit(s, sql), "PLAIN_TEXT");
    assertEquals("[\"12.345\",\"2024-05-06 07:08:09.000\",\"2024-05-06 07:08:09.123\",\"2024-05-06\",\"07:08:09\","
        + "\"[1, 2, NULL]\",\"{k1=1}\",\"(1, a, NULL)\",\"x'cafe'\",\"TRUE\",null,\"+2 00:00:00.000\",\"+1-02\"]",
        plain.get(0).get("fields").toString());
  }

  @Test
  void sqlErrorsComeOnTheFirstFetchWithLineAndColumn() {
    String s = client.openSession(Map.of());
    String op = client.submit(s, "SELECT 1\nFROM nosuch");
    var r = client.firstPage(s, op, "JSON");
    assertEquals(500, r.status());
    assertEquals(1, r.get("errors").size(), "no stack trace unless asked for: " + r.body());
    String message = r.error();
    assertTrue(message.contains("line 2, column 6"), message);
    assertTrue(message.contains("nosuch"), message);
    assertEquals("SQL_ERROR", r.header("Weir-Error-Code"));
    assertTrue(r.header("Weir-Error-Position").startsWith("2:6-2:"), r.header("Weir-Error-Position"));
    assertEquals("ERROR", client.get("/v3/sessions/" + s + "/operations/" + op + "/status").get("status").asText());
    // The same error on every later fetch; the stack trace as a second element when asked for.
    var again = client.get(client.resultPath(s, op, 0, "JSON") + "&stackTrace=true");
    assertEquals(500, again.status());
    assertEquals(message, again.error());
    assertTrue(again.get("errors").get(1).asText().contains("at io.weir."), again.body());

    var parse = client.firstPage(s, client.submit(s, "SELEC 1"), "JSON");
    assertEquals(500, parse.status());
    assertTrue(parse.error().startsWith("SQL parse error at line 1, column 1"), parse.body());
  }

  @Test
  void streamingGroupByShowsRetractionsAndCancelStopsTheJob() {
    String s = client.openSession(Map.of());
    client.readToEnd(s, client.submit(s, "CREATE TABLE clicks (k INT) WITH ('connector'='datagen',"
        + " 'rows-per-second'='50', 'fields.k.min'='1', 'fields.k.max'='3')"), "JSON");
    String op = client.submit(s, "SELECT k, COUNT(*) AS c FROM clicks GROUP BY k");
    var page = client.firstPage(s, op, "JSON");
    Map<String, Integer> kinds = new HashMap<>();
    String jobId = page.get("jobID").asText();
    while (kinds.getOrDefault("UPDATE_AFTER", 0) < 3) {
      assertEquals(200, page.status(), page.body());
      assertEquals("PAYLOAD", page.get("resultType").asText());
      page.get("results").get("data").forEach(r -> kinds.merge(r.get("kind").asText(), 1, Integer::sum));
      page = client.get(client.resultPath(s, op, FlinkRestClient.nextToken(page), "JSON"));
    }
    assertTrue(kinds.get("INSERT") >= 1 && kinds.get("UPDATE_BEFORE") >= 1, kinds.toString());
    assertEquals("RUNNING", client.get("/v3/sessions/" + s + "/operations/" + op + "/status").get("status").asText());

    var cancel = client.post("/v3/sessions/" + s + "/operations/" + op + "/cancel", "{}");
    assertEquals("{\"status\":\"CANCELED\"}", cancel.body());
    assertEquals(JobStatus.CANCELED, awaitEnd(jobId));
    List<JsonNode> jobs = client.readToEnd(s, client.submit(s, "SHOW JOBS"), "JSON");
    assertTrue(jobs.stream().anyMatch(j -> j.get("fields").get(0).asText().equals(jobId)
        && j.get("fields").get(2).asText().equals("CANCELED")), jobs.toString());
    var fetch = client.get(client.resultPath(s, op, FlinkRestClient.nextToken(page), "JSON"));
    assertTrue(fetch.error().contains("CANCELED"), fetch.body());
    assertEquals(409, client.post("/v3/sessions/" + s + "/operations/" + op + "/cancel", "{}").status());
  }

  @Test
  void anEmptyPageIsHeldUntilRowsArrive() {
    String s = client.openSession(Map.of());
    client.readToEnd(s, client.submit(s, "CREATE TABLE slow (k INT) WITH ('connector'='datagen', 'rows-per-second'='4')"),
        "JSON");
    String op = client.submit(s, "SELECT k FROM slow");
    var page = client.firstPage(s, op, "JSON");
    // At 4 rows a second, a client polling without a wait would mostly see empty pages; with the
    // long poll (30 s here) every page carries rows.
    for (int i = 0; i < 6; i++) {
      page = client.get(client.resultPath(s, op, FlinkRestClient.nextToken(page), "JSON"));
      assertEquals("PAYLOAD", page.get("resultType").asText(), page.body());
      assertTrue(page.get("results").get("data").size() > 0, "empty page " + i + ": " + page.body());
    }
    client.delete("/v3/sessions/" + s + "/operations/" + op + "/close");
    assertEquals(JobStatus.CANCELED, awaitEnd(page.get("jobID").asText()));
  }

  @Test
  void sessionPropertiesConfigureCompleteHeartbeatAndClose() {
    String s = client.openSession(Map.of("table.local-time-zone", "Europe/Berlin", "my.key", "v"));
    var props = client.get("/v3/sessions/" + s).get("properties");
    assertEquals("Europe/Berlin", props.get("table.local-time-zone").asText());
    assertEquals("v", props.get("my.key").asText());

    assertEquals("{}", client.post("/v3/sessions/" + s + "/configure-session",
        Map.of("statement", "SET 'parallelism.default' = '2';")).body());
    assertEquals("2", client.get("/v3/sessions/" + s).get("properties").get("parallelism.default").asText());
    var refused = client.post("/v3/sessions/" + s + "/configure-session", Map.of("statement", "SELECT 1"));
    assertEquals(400, refused.status());
    assertTrue(refused.error().startsWith("Unsupported statement for configuring session:SELECT 1"), refused.body());
    var badSet = client.post("/v3/sessions/" + s + "/configure-session", Map.of("statement", "SET 'parallelism.default' = 'x'"));
    assertEquals(500, badSet.status());
    assertTrue(badSet.error().contains("parallelism.default"), badSet.body());
    assertEquals(404, client.post("/v1/sessions/" + s + "/configure-session", Map.of("statement", "SET 'a'='b'")).status());

    var from = client.send("GET", "/v3/sessions/" + s + "/complete-statement",
        "{\"statement\":\"SELECT * FR\",\"position\":11}");
    assertEquals("{\"candidates\":[\"FROM\"]}", from.body());
    var show = client.send("GET", "/v3/sessions/" + s + "/complete-statement", "{\"statement\":\"SHOW T\",\"position\":6}");
    assertEquals("{\"candidates\":[\"TABLES\"]}", show.body());

    assertEquals("{}", client.post("/v3/sessions/" + s + "/heartbeat", "{}").body());
    assertEquals("{\"status\":\"CLOSED\"}", client.delete("/v3/sessions/" + s).body());
    var gone = client.get("/v3/sessions/" + s);
    assertEquals(404, gone.status());
    assertTrue(gone.error().contains(s), gone.body());
  }

  @Test
  void insertReturnsItsJobIdAndStatementTimeoutCancelsAQuery() {
    String s = client.openSession(Map.of());
    client.readToEnd(s, client.submit(s, "CREATE TABLE forever (k INT) WITH ('connector'='datagen', 'rows-per-second'='5')"),
        "JSON");
    client.readToEnd(s, client.submit(s, "CREATE TABLE sink_hole (k INT) WITH ('connector'='blackhole')"), "JSON");
    List<JsonNode> insert = client.readToEnd(s, client.submit(s, "INSERT INTO sink_hole SELECT k FROM forever"), "JSON");
    String insertJob = insert.get(0).get("fields").get(0).asText();
    assertEquals(JobStatus.RUNNING, server.engine().job(insertJob).orElseThrow().status());
    server.engine().job(insertJob).orElseThrow().cancel();

    java.util.Set<String> before = new java.util.HashSet<>();
    server.engine().jobs().forEach(j -> before.add(j.id()));
    // A synchronous INSERT (table.dml-sync) that is cancelled stops its job too.
    String sync = client.openSession(Map.of("table.dml-sync", "true"));
    String syncOp = client.submit(sync, "INSERT INTO sink_hole SELECT k FROM forever");
    String syncJob = null;
    while (syncJob == null) {
      FlinkRestClient.sleep(20);
      syncJob = server.engine().jobs().stream().filter(j -> !before.contains(j.id()) && !j.status().isTerminal())
          .map(io.weir.runtime.job.Job::id).findFirst().orElse(null);
    }
    assertEquals("RUNNING", client.get("/v3/sessions/" + sync + "/operations/" + syncOp + "/status").get("status").asText());
    assertEquals("{\"status\":\"CANCELED\"}", client.post("/v3/sessions/" + sync + "/operations/" + syncOp + "/cancel", "{}").body());
    assertEquals(JobStatus.CANCELED, awaitEnd(syncJob));
    before.add(syncJob);

    var r = client.post("/v3/sessions/" + s + "/statements", Map.of("statement", "SELECT k FROM forever",
        "executionTimeout", 300));
    String op = r.get("operationHandle").asText();
    String status;
    do {
      FlinkRestClient.sleep(50);
      status = client.get("/v3/sessions/" + s + "/operations/" + op + "/status").get("status").asText();
    } while (status.equals("RUNNING"));
    assertEquals("TIMEOUT", status);
    var fetch = client.get(client.resultPath(s, op, 0, "JSON"));
    assertEquals(500, fetch.status());
    assertEquals("STATEMENT_TIMEOUT", fetch.header("Weir-Error-Code"), fetch.body());
    assertTrue(fetch.error().contains("execution timeout"), fetch.body());
    // The query's job (if planning got that far) is cancelled, not left running.
    for (int i = 0; i < 300 && server.engine().jobs().stream()
        .anyMatch(j -> !before.contains(j.id()) && !j.status().isTerminal()); i++) {
      FlinkRestClient.sleep(100);
    }
    assertTrue(server.engine().jobs().stream().filter(j -> !before.contains(j.id()))
        .allMatch(j -> j.status() == JobStatus.CANCELED), server.engine().jobs().toString());
  }

  static JobStatus awaitEnd(String jobId) {
    var job = server.engine().job(jobId).orElseThrow();
    try {
      JobStatus end = job.await(Duration.ofSeconds(30));
      return end;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
