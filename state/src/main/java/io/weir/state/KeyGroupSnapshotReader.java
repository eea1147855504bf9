package io.weir.state;

import static java.util.Objects.requireNonNull;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a backend restores from: the streams of any set of key groups, possibly written by
 * several tasks of an earlier run at another parallelism — which is all rescaling is. The backend
 * asks for the key groups of its own range and ignores the rest.
 */
public interface KeyGroupSnapshotReader {

  /** True if this snapshot has a stream for {@code keyGroup}. */
  boolean contains(int keyGroup);

  /**
   * Opens the stream of a key group this reader {@link #contains}, positioned at its start. The
   * caller reads it and closes it.
   */
  DataInputStream open(int keyGroup) throws IOException;

  /**
   * The key groups of all {@code parts}, e.g. the snapshots of every old task whose range overlaps
   * the new task's. Two parts holding the same key group is an error, reported when it is opened.
   */
  static KeyGroupSnapshotReader union(List<? extends KeyGroupSnapshotReader> parts) {
    List<KeyGroupSnapshotReader> copy = new ArrayList<>(requireNonNull(parts, "parts"));
    return new KeyGroupSnapshotReader() {
      @Override
      public boolean contains(int keyGroup) {
        for (KeyGroupSnapshotReader part : copy) {
          if (part.contains(keyGroup)) {
            return true;
          }
        }
        return false;
      }

      @Override
      public DataInputStream open(int keyGroup) throws IOException {
        KeyGroupSnapshotReader found = null;
        for (KeyGroupSnapshotReader part : copy) {
          if (part.contains(keyGroup)) {
            if (found != null) {
              throw new IllegalStateException(
                  "Key group " + keyGroup + " is in two snapshots being restored (" + found
                      + " and " + part + "); each key group must come from exactly one");
            }
            found = part;
          }
        }
        if (found == null) {
          throw new IllegalArgumentException("No snapshot being restored has key group " + keyGroup);
        }
        return found.open(keyGroup);
      }
    };
  }
}
