package io.weir.runtime.job;

/** Where a job is in its life, named as in Flink. */
public enum JobStatus {
  CREATED,
  RUNNING,
  /** A task failed; the job is restarting from its latest checkpoint. */
  RESTARTING,
  FINISHED,
  FAILED,
  CANCELED;

  public boolean isTerminal() {
    return this == FINISHED || this == FAILED || this == CANCELED;
  }
}
