package io.weir.runtime.connector;

/** Which parallel sink task a {@link SinkWriter} belongs to. */
public record SinkContext(int subtaskIndex, int parallelism) {
  public SinkContext {
    if (subtaskIndex < 0 || subtaskIndex >= parallelism) {
      throw new IllegalArgumentException(
          "subtask index " + subtaskIndex + " outside parallelism " + parallelism);
    }
  }
}
