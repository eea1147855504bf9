package io.weir.runtime.task;

/** Thrown inside a task when its job is being stopped; never reported as the job's failure. */
final class TaskCancelledException extends RuntimeException {
  TaskCancelledException() {
    super("task cancelled", null, false, false);
  }
}
