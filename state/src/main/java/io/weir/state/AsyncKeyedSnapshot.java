package io.weir.state;

import java.io.IOException;

/**
 * A snapshot started on the task thread ({@link KeyedStateBackend#snapshotAsync}) and written by
 * another: the task goes on processing meanwhile.
 */
@FunctionalInterface
public interface AsyncKeyedSnapshot {

  /**
   * Writes every key group of the backend's range, as {@link KeyedStateBackend#snapshot} does, as
   * they were when the snapshot started. Any thread, once.
   */
  void writeTo(KeyGroupSnapshotWriter writer) throws IOException;
}
