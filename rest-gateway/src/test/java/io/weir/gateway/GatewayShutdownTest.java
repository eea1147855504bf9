package io.weir.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpointing.CheckpointStorage;
import io.weir.runtime.job.JobStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A clean stop checkpoints the running INSERT jobs, and the next start on the same state directory resumes them. */
class GatewayShutdownTest {
  @TempDir Path stateDir;
  private GatewayServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void stopFinishesTheRequestsInFlightAndRefusesNewOnes() throws Exception {
    server = GatewayServer.start(GatewayConfig.builder().port(0).longPollWait(java.time.Duration.ofSeconds(2)).build());
    FlinkRestClient client = new FlinkRestClient(server.port());
    String s = client.openSession(Map.of());
    client.readToEnd(s, client.submit(s, "CREATE TABLE quiet (k INT) WITH ('connector'='datagen', 'rows-per-second'='5')"),
        "JSON");
    String op = client.submit(s, "SELECT k FROM quiet WHERE k IS NULL"); // never a row: every page is long-polled
    var first = client.firstPage(s, op, "JSON");
    var inFlight = java.util.concurrent.CompletableFuture.supplyAsync(
        () -> client.get(client.resultPath(s, op, FlinkRestClient.nextToken(first), "JSON")));
    while (server.inFlight() == 0) {
      FlinkRestClient.sleep(5);
    }
    var stopping = java.util.concurrent.CompletableFuture.runAsync(server::stop);
    var answered = inFlight.get();
    assertEquals(200, answered.status(), answered.body());
    assertEquals("PAYLOAD", answered.get("resultType").asText());
    stopping.get();
    server = null;
    // Stopped: nothing listens any more.
    org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> client.get("/v1/api_versions"));
  }

  @Test
  void stopCheckpointsInsertJobsAndTheNextStartResumesThem() throws Exception {
    server = GatewayServer.start(GatewayConfig.builder().port(0).stateDir(stateDir).build());
    FlinkRestClient client = new FlinkRestClient(server.port());
    String s = client.openSession(Map.of());
    client.readToEnd(s, client.submit(s, "CREATE TABLE numbers (n BIGINT) WITH ('connector'='datagen',"
        + " 'rows-per-second'='200', 'fields.n.kind'='sequence', 'fields.n.start'='1', 'fields.n.end'='100000000')"), "JSON");
    client.readToEnd(s, client.submit(s, "CREATE TABLE nowhere (n BIGINT) WITH ('connector'='blackhole')"), "JSON");
    String jobId = client.readToEnd(s, client.submit(s, "INSERT INTO nowhere SELECT n FROM numbers"), "JSON")
        .get(0).get("fields").get(0).asText();
    String query = client.submit(s, "SELECT n FROM numbers");
    String queryJob = client.firstPage(s, query, "JSON").get("jobID").asText();
    var engine = server.engine();
    // No periodic checkpoints are configured: any checkpoint is the one the stop took.
    assertTrue(new CheckpointStorage(stateDir.resolve("checkpoints").resolve(jobId)).latest().isEmpty());

    server.stop();
    server = null;
    assertEquals(JobStatus.CANCELED, engine.job(queryJob).orElseThrow().status());
    assertTrue(new CheckpointStorage(stateDir.resolve("checkpoints").resolve(jobId)).latest().isPresent(),
        "the stop took a checkpoint of the INSERT job");

    server = GatewayServer.start(GatewayConfig.builder().port(0).stateDir(stateDir).build());
    FlinkRestClient again = new FlinkRestClient(server.port());
    String t = again.openSession(Map.of());
    List<String> running = again.readToEnd(t, again.submit(t, "SHOW JOBS"), "JSON").stream()
        .filter(j -> j.get("fields").get(2).asText().equals("RUNNING"))
        .map(j -> j.get("fields").get(0).asText()).toList();
    assertEquals(List.of(jobId), running);
  }
}
