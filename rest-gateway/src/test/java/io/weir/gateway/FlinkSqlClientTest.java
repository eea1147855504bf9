package io.weir.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flink's SQL client (1.20, {@code sql-client.sh gateway --endpoint ... -f script}) as the client,
 * in its own JVM, against a real gateway: SET, CREATE TABLE, a changelog query shown in tableau
 * mode, SHOW TABLES — the script of the recorded capture.
 */
class FlinkSqlClientTest {
  @TempDir Path dir;
  private GatewayServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void runsAScriptInGatewayMode() throws Exception {
    server = GatewayServer.start(GatewayConfig.builder().port(0).build());
    Path conf = Files.createDirectories(dir.resolve("conf"));
    Files.writeString(conf.resolve("config.yaml"), "rest.address: 127.0.0.1\n");
    Path script = Files.writeString(dir.resolve("script.sql"), String.join("\n",
        "SET 'sql-client.execution.result-mode' = 'tableau';",
        "CREATE TABLE src (id INT, name STRING) WITH ('connector'='datagen', 'fields.id.kind'='sequence',"
            + " 'fields.id.start'='1', 'fields.id.end'='6');",
        "SELECT id % 2 AS k, COUNT(*) AS c FROM src GROUP BY id % 2;",
        "SHOW TABLES;", ""));
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "org.apache.flink.table.client.SqlClient", "gateway", "--endpoint", "127.0.0.1:" + server.port(),
        "-f", script.toString())
        .redirectErrorStream(true);
    pb.environment().put("FLINK_CONF_DIR", conf.toString());
    pb.environment().put("HOME", dir.toString());
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    String text = new String(out, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), text);
    // Tableau rows: | op | k | c |, the changelog of two keys counting to 3 each.
    List<String> rows = text.lines().filter(l -> l.matches("\\|\\s*[+-][IUD]\\s*\\|.*")).map(l -> l.replaceAll("\\s+", ""))
        .toList();
    assertTrue(rows.contains("|+I|1|1|") && rows.contains("|+I|0|1|"), text);
    assertTrue(rows.contains("|-U|1|2|") && rows.contains("|+U|1|3|") && rows.contains("|+U|0|3|"), text);
    assertEquals(10, rows.size(), text); // 2 inserts + 4 updates, each -U and +U
    assertTrue(text.contains("Received a total of 10 rows"), text);
    assertTrue(text.lines().anyMatch(l -> l.replaceAll("\\s+", "").equals("|src|")), text);
    assertFalse(text.contains("[ERROR]"), text);
  }
}
