package io.weir.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the arrows of ARCHITECTURE.md honest: every import in a module's main sources must come
 * from the JDK or a package the module may see. Maven dependencies alone cannot enforce this,
 * because transitive dependencies leak (the runtime sees RocksDB through the state module).
 */
class ArchitectureTest {
  private static final List<String> JDK = List.of("java.", "javax.", "sun.misc.");
  private static final String COMMON = "io.weir.common.";

  /** Package prefixes each module may import, besides the JDK and its own packages. */
  private static final Map<String, List<String>> ALLOWED = Map.ofEntries(
      Map.entry("table-common", List.of(COMMON, "com.fasterxml.jackson.annotation.")),
      Map.entry("sql-parser", List.of(COMMON, "io.weir.sql.parser.", "org.apache.calcite.")),
      Map.entry("table-planner", List.of(COMMON, "io.weir.sql.parser.", "io.weir.planner.", "org.apache.calcite.")),
      Map.entry("state", List.of(COMMON, "io.weir.state.", "org.rocksdb.")),
      Map.entry("checkpointing", List.of(COMMON, "io.weir.checkpointing.", "com.fasterxml.jackson.")),
      Map.entry("table-runtime", List.of(COMMON, "io.weir.runtime.", "io.weir.state.", "io.weir.checkpointing.")),
      Map.entry("connectors", List.of(COMMON, "io.weir.runtime.", "io.weir.state.", "io.weir.connectors.",
          "io.weir.formats.", "com.fasterxml.jackson.", "org.apache.kafka.")),
      Map.entry("engine", List.of(COMMON, "io.weir.engine.", "io.weir.planner.", "io.weir.sql.parser.", "io.weir.runtime.",
          "io.weir.state.", "io.weir.checkpointing.", "io.weir.connectors.", "io.weir.formats.",
          "com.fasterxml.jackson.", "org.apache.calcite.sql.")),
      Map.entry("sql-cli", List.of(COMMON, "io.weir.cli.", "io.weir.engine.", "io.weir.runtime.job.", "org.jline.")),
      // The gateway speaks HTTP (Javalin on Jetty; Jetty directly only for TLS) over the engine's Session.
      Map.entry("rest-gateway", List.of(COMMON, "io.weir.gateway.", "io.weir.engine.", "io.javalin.",
          "org.eclipse.jetty.", "com.fasterxml.jackson.", "org.slf4j.")),
      Map.entry("benchmarks", List.of(COMMON, "io.weir.bench.", "io.weir.engine.", "io.weir.runtime.",
          "io.weir.connectors.",
          // micro-benchmarks of the state API measure the backends directly
          "io.weir.state.", "io.weir.checkpointing.",
          // the Kafka benchmark preloads its topics with a plain producer
          "org.apache.kafka.")));

  private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);

  /** Fully qualified names written inline, of the packages the rules are about. */
  private static final Pattern QUALIFIED = Pattern.compile(
      "\\b((?:io\\.weir|org\\.apache\\.calcite|org\\.rocksdb|org\\.apache\\.kafka|org\\.jline|io\\.javalin|com\\.fasterxml\\.jackson)(?:\\.\\w+)+)");

  @Test
  void modulesImportOnlyWhatTheirArrowsAllow() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    List<String> violations = new ArrayList<>();
    int checked = 0;
    for (Map.Entry<String, List<String>> module : ALLOWED.entrySet()) {
      Path src = root.resolve(module.getKey()).resolve("src/main/java");
      if (!Files.isDirectory(src)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(src)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          checked++;
          String text = Files.readString(file);
          List<String> referenced = new ArrayList<>();
          Matcher m = IMPORT.matcher(text);
          while (m.find()) {
            referenced.add(m.group(2));
          }
          Matcher q = QUALIFIED.matcher(text);
          while (q.find()) {
            referenced.add(q.group(1) + ".");
          }
          for (String imported : referenced) {
            boolean ok = JDK.stream().anyMatch(imported::startsWith)
                || module.getValue().stream().anyMatch(imported::startsWith);
            if (!ok) {
              violations.add(module.getKey() + ": " + root.relativize(file) + " imports " + imported);
            }
          }
        }
      }
    }
    assertTrue(checked > 50, "found only " + checked + " source files under " + root);
    assertTrue(violations.isEmpty(), "Imports across forbidden arrows:\n" + String.join("\n", violations));
  }
}
