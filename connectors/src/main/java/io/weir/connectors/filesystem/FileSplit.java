package io.weir.connectors.filesystem;

import io.weir.runtime.connector.SourceSplit;
import java.nio.file.Path;

/** One file, read from start to end by one reader. */
record FileSplit(Path path) implements SourceSplit {
  @Override
  public String id() {
    return path.toString();
  }
}
