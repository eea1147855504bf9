package io.weir.state.rocksdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** State many times the JVM heap: a forked JVM with {@code -Xmx48m} keeps ~300 MB in RocksDB. */
class LargeStateTest {

  @Test
  void stateSixTimesTheHeapIsWrittenAndReadBack(@TempDir Path dir)
      throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path output = dir.resolve("child-output.txt");
    Path local = Files.createDirectories(dir.resolve("local"));
    Process child =
        new ProcessBuilder(
                List.of(
                    java.toString(), "-Xmx48m", "-cp", System.getProperty("java.class.path"),
                    LargeStateMain.class.getName(), local.toString(), "300"))
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    // A generous bound so a hung child cannot hang the build; not a performance assertion.
    boolean exited = child.waitFor(10, TimeUnit.MINUTES);
    if (!exited) {
      child.destroyForcibly().waitFor();
    }
    String log = Files.readString(output, StandardCharsets.UTF_8);
    assertTrue(exited, "the child did not finish: " + log);
    assertEquals(0, child.exitValue(), log);
    assertTrue(log.contains("wrote and read 307200 values (300 MB)"), log);
    try (Stream<Path> left = Files.list(local)) {
      assertEquals(List.of(), left.toList(), "the backend deletes its directory on close");
    }
  }
}
