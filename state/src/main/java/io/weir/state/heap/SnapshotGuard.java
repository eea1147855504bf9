package io.weir.state.heap;

/**
 * Lets the task thread go on while a snapshot is written on another thread. The snapshot is
 * serialised key group by key group, and each key group at most once: by the writer thread in
 * order, or — when the task is about to touch a key group the writer has not reached — by the task
 * thread itself, right then, before the access changes anything. So the snapshot holds exactly the
 * state at the barrier, the task never copies state, and it pauses at most for one key group.
 *
 * <p>Every access to a state table or timer queue goes through {@link #touch}.
 */
final class SnapshotGuard {
  /** A snapshot in flight. */
  interface Pending {
    /** Returns once key group {@code index} is in the snapshot; writes it first if nobody has. */
    void ensureWritten(int index);
  }

  private volatile Pending pending;

  /** Called with the key group index of every access, before it; returns the index. */
  int touch(int index) {
    Pending p = pending;
    if (p != null) {
      p.ensureWritten(index);
    }
    return index;
  }

  Pending pending() {
    return pending;
  }

  void begin(Pending snapshot) {
    pending = snapshot;
  }

  /** The snapshot has every key group: accesses need no check any more. */
  void finish(Pending snapshot) {
    if (pending == snapshot) {
      pending = null;
    }
  }
}
