package io.weir.state;

import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Where a backend writes its snapshot: one stream per key group. Implemented by the checkpointing
 * module (one file with an offset per key group, say) and by {@link MemoryKeyGroupSnapshot}.
 */
public interface KeyGroupSnapshotWriter {

  /**
   * Starts the stream of {@code keyGroup} and returns it. A backend calls this once for every key
   * group of its range — empty ones included — in ascending order, writes that key group
   * completely, flushes, and only then starts the next. It never closes a stream: the writer owns
   * them, and may back them all by one file, recording here where each key group begins.
   */
  DataOutputStream startKeyGroup(int keyGroup) throws IOException;
}
