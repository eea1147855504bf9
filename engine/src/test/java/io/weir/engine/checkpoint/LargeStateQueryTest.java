package io.weir.engine.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query whose state is many times the JVM heap completes on RocksDB: a million groups, each
 * holding a 100-character string twice (in its MAX accumulator and in the row it last emitted) —
 * about 300 MB of state as serialised bytes, far more as heap objects — in a JVM limited to
 * 96 MB, with checkpoints on.
 */
class LargeStateQueryTest {
  @TempDir Path dir;

  @Test
  void stateManyTimesTheHeapCompletesOnRocksDb() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path log = dir.resolve("process.log");
    Process p = new ProcessBuilder(java, "-Xmx96m", "-cp", System.getProperty("java.class.path"),
        LargeStateQueryProcess.class.getName(), "1000000", dir.resolve("checkpoints").toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean ended = p.waitFor(10, TimeUnit.MINUTES);
    if (!ended) {
      p.destroyForcibly();
    }
    String output = Files.readString(log);
    assertTrue(ended, "did not finish: " + output);
    assertEquals(0, p.exitValue(), output);
    assertTrue(output.contains("finished: 1000000 groups"), output);
  }
}
