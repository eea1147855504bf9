package io.weir.state;

/**
 * A contiguous, non-empty range of key groups {@code [start, endInclusive]}: what one task owns.
 */
public record KeyGroupRange(int start, int endInclusive) {
  public KeyGroupRange {
    if (start < 0 || endInclusive < start) {
      throw new IllegalArgumentException(
          "A key-group range needs 0 <= start <= endInclusive but was [" + start + ", "
              + endInclusive + "]");
    }
  }

  /** All key groups of a job with {@code maxParallelism} key groups, for a single task. */
  public static KeyGroupRange all(int maxParallelism) {
    return forTask(maxParallelism, 1, 0);
  }

  /**
   * The range of task {@code taskIndex} out of {@code parallelism}, Flink's formula:
   *
   * <pre>
   * start        = ceil(taskIndex * maxParallelism / parallelism)
   * endInclusive = ceil((taskIndex + 1) * maxParallelism / parallelism) - 1
   * </pre>
   *
   * so the tasks' ranges partition {@code [0, maxParallelism)} in order, their sizes differ by at
   * most one, and {@link KeyGroups#taskFor} ({@code keyGroup * parallelism / maxParallelism}) is
   * its inverse. Example: 128 key groups over 3 tasks are [0, 42], [43, 85], [86, 127].
   */
  public static KeyGroupRange forTask(int maxParallelism, int parallelism, int taskIndex) {
    KeyGroups.checkParallelism(maxParallelism, parallelism);
    if (taskIndex < 0 || taskIndex >= parallelism) {
      throw new IllegalArgumentException(
          "taskIndex must be in [0, " + parallelism + ") but was " + taskIndex);
    }
    long max = maxParallelism;
    int start = (int) ((taskIndex * max + parallelism - 1) / parallelism);
    int end = (int) (((taskIndex + 1) * max - 1) / parallelism);
    return new KeyGroupRange(start, end);
  }

  public boolean contains(int keyGroup) {
    return keyGroup >= start && keyGroup <= endInclusive;
  }

  /** The number of key groups in the range. */
  public int size() {
    return endInclusive - start + 1;
  }

  @Override
  public String toString() {
    return "[" + start + ", " + endInclusive + "]";
  }
}
