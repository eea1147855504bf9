package io.weir.engine.filesystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.common.error.WeirException;
import io.weir.engine.Engine;
import io.weir.engine.Session;
import io.weir.engine.StatementResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code PARTITIONED BY} tables of the filesystem connector: a directory per partition, written and read. */
class PartitionedTableTest {
  @TempDir Path dir;

  private String sinkDdl(String extra) {
    return "CREATE TABLE sink (id INT, name STRING, dt STRING, hm STRING) PARTITIONED BY (dt, hm) WITH ("
        + "'connector' = 'filesystem', 'path' = '" + dir.resolve("out") + "', 'format' = 'csv'" + extra + ")";
  }

  private static List<String> query(Session s, String sql) throws InterruptedException {
    return Session.collectAll((StatementResult.QueryResult) s.execute(sql), java.time.Duration.ofSeconds(60)).stream()
        .map(Object::toString).sorted().toList();
  }

  /** Every visible file's lines, each prefixed by its directory relative to the table's path. */
  private List<String> written() throws Exception {
    Path root = dir.resolve("out");
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
          .toList()) {
        for (String line : Files.readAllLines(f)) {
          lines.add(root.relativize(f.getParent()) + " " + line);
        }
      }
    }
    return lines.stream().sorted().toList();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void rowsGoToTheDirectoryOfTheirPartitionWithoutThePartitionColumns(int parallelism) throws Exception {
    try (Engine engine = Engine.create()) {
      Session s = engine.newSession();
      s.execute("SET 'parallelism.default' = '" + parallelism + "'");
      s.execute("SET 'table.dml-sync' = 'true'");
      s.execute(sinkDdl(""));
      s.execute("INSERT INTO sink SELECT * FROM (VALUES (1, 'a', '2024-01-01', '10:00'), (2, 'b', '2024-01-01', '10:00'),"
          + " (3, 'c', '2024-01-02', '10:00'), (4, 'd', CAST(NULL AS STRING), 'a/b')) AS t(id, name, dt, hm)");
      assertEquals(List.of(
          "dt=2024-01-01/hm=10%3A00 1,a", "dt=2024-01-01/hm=10%3A00 2,b", "dt=2024-01-02/hm=10%3A00 3,c",
          "dt=__DEFAULT_PARTITION__/hm=a%2Fb 4,d"), written());
      // Read back: the partition values come from the directories.
      assertEquals(List.of("+I[1, a, 2024-01-01, 10:00]", "+I[2, b, 2024-01-01, 10:00]",
          "+I[3, c, 2024-01-02, 10:00]", "+I[4, d, null, a/b]"), query(s, "SELECT * FROM sink"));
      assertEquals(List.of("+I[2024-01-02, c]", "+I[null, d]"),
          query(s, "SELECT dt, name FROM sink WHERE dt IS NULL OR dt > '2024-01-01'"));
    }
  }

  @Test
  void partitionsAreCommittedByCheckpoints() throws Exception {
    try (Engine engine = Engine.create()) {
      Session s = engine.newSession();
      s.execute("SET 'parallelism.default' = '2'");
      s.execute("SET 'table.dml-sync' = 'true'");
      s.execute("SET 'execution.checkpointing.interval' = '50 ms'");
      s.execute("CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '2000', "
          + "'rows-per-second' = '4000', 'fields.id.kind' = 'sequence', 'fields.id.start' = '0', 'fields.id.end' = '1999')");
      s.execute("CREATE TABLE sink (id BIGINT, bucket BIGINT) PARTITIONED BY (bucket) WITH ("
          + "'connector' = 'filesystem', 'path' = '" + dir.resolve("out") + "', 'format' = 'csv')");
      s.execute("INSERT INTO sink SELECT id, MOD(id, 3) FROM src");
      List<String> lines = written();
      assertEquals(2000, lines.size());
      for (String line : lines) {
        String[] parts = line.split(" ");
        assertEquals("bucket=" + Long.parseLong(parts[1]) % 3, parts[0], line);
      }
      // BIGINT partition values are read back typed.
      assertEquals(List.of("+I[2, 2]", "+I[5, 2]", "+I[8, 2]"),
          query(s, "SELECT id, bucket FROM sink WHERE bucket = 2 AND id < 10"));
    }
  }

  @Test
  void theDdlKeepsThePartitionsAndWrongUsesAreRefused() {
    try (Engine engine = Engine.create()) {
      Session s = engine.newSession();
      s.execute(sinkDdl(""));
      String ddl = ((StatementResult.TextResult) s.execute("SHOW CREATE TABLE sink")).text();
      assertTrue(ddl.contains("PARTITIONED BY (`dt`, `hm`)"), ddl);
      WeirException missing = assertThrows(WeirException.class, () -> s.execute(
          "CREATE TABLE bad (id INT) PARTITIONED BY (nope) WITH ('connector' = 'filesystem', 'path' = '/tmp/x', "
              + "'format' = 'csv')"));
      assertTrue(missing.getMessage().contains("Partition column 'nope'"), missing.getMessage());
      WeirException connector = assertThrows(WeirException.class, () -> s.execute(
          "CREATE TABLE bad (id INT, p INT) PARTITIONED BY (p) WITH ('connector' = 'blackhole')"));
      assertTrue(connector.getMessage().contains("does not write partitions"), connector.getMessage());
    }
  }
}
