package io.weir.connectors.filesystem;

import io.weir.common.config.ConfigOption;
import io.weir.connectors.internal.TableOptions;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;

/** Options of the {@code filesystem} connector, named as in Flink 1.20. */
final class FileSystemOptions {
  private FileSystemOptions() {}

  static final String PATH = "path";
  static final String FORMAT = "format";

  static final ConfigOption<Duration> SOURCE_MONITOR_INTERVAL =
      ConfigOption.duration(
          "source.monitor-interval",
          null,
          "When set, the source keeps listing the path for new files at this interval and is unbounded.");

  static final ConfigOption<Integer> SINK_PARALLELISM =
      ConfigOption.integer("sink.parallelism", null, "Parallelism of the sink; read by the planner.");

  /** The local path of option {@code path}: a plain path or a {@code file:} URI. */
  static Path path(TableOptions options) {
    String raw = options.map().get(PATH);
    if (raw == null || raw.isBlank()) {
      throw options.error("Option 'path' must name a file or directory.");
    }
    try {
      if (raw.startsWith("file:")) {
        return Paths.get(URI.create(raw));
      }
      if (raw.matches("^[a-zA-Z][a-zA-Z0-9+.-]+://.*")) {
        throw options.error(
            "Option 'path' is '" + raw + "', but only local paths (or file: URIs) are supported.");
      }
      return Paths.get(raw);
    } catch (IllegalArgumentException e) {
      throw options.error("Option 'path' is not a valid path: '" + raw + "' (" + e.getMessage() + ").");
    }
  }
}
