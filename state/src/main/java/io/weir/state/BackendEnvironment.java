package io.weir.state;

import static java.util.Objects.requireNonNull;

import io.weir.common.config.Configuration;
import java.nio.file.Path;

/**
 * What a backend gets from the runtime besides its keys: a local directory and the job's
 * configuration ({@link StateOptions}).
 *
 * @param localDir a directory the backend may create subdirectories in; a RocksDB backend makes
 *     its own uniquely named one there and deletes it on close. {@code
 *     state.backend.rocksdb.localdir}, when set, takes precedence.
 * @param config the options, e.g. {@code state.backend.rocksdb.block-cache-size}
 */
public record BackendEnvironment(Path localDir, Configuration config) {
  public BackendEnvironment {
    requireNonNull(localDir, "localDir");
    requireNonNull(config, "config");
  }

  /** The JVM's temporary directory and the default configuration. */
  public static BackendEnvironment defaults() {
    return new BackendEnvironment(
        Path.of(System.getProperty("java.io.tmpdir")), new Configuration());
  }
}
