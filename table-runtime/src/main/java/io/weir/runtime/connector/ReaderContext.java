package io.weir.runtime.connector;

/** What a {@link SplitReader} may ask of the task reading it. */
public interface ReaderContext {

  /** 0-based index of the reading task. */
  int subtaskIndex();

  /** Number of parallel tasks reading the table. */
  int parallelism();

  /** Records that a malformed record was skipped (e.g. with {@code json.ignore-parse-errors}). */
  void recordSkipped(String reason);

  /** Adds {@code rows} emitted by the task's readers to the job's count (called in batches). */
  default void recordRowsRead(long rows) {}
}
