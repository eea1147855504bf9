package io.weir.runtime.connector;

/**
 * Which parallel sink task a {@link SinkWriter} belongs to.
 *
 * @param runId the same for every task of one run of a job and different for every run (a restart
 *     or resume is a new run): lets a transactional sink tell its own open transactions from those
 *     an earlier run left behind
 */
public record SinkContext(int subtaskIndex, int parallelism, String runId) {
  public SinkContext(int subtaskIndex, int parallelism) {
    this(subtaskIndex, parallelism, Long.toString(System.nanoTime(), 36));
  }

  public SinkContext {
    if (subtaskIndex < 0 || subtaskIndex >= parallelism) {
      throw new IllegalArgumentException(
          "subtask index " + subtaskIndex + " outside parallelism " + parallelism);
    }
  }
}
