package io.weir.runtime.task;

/**
 * A task cannot take part in a checkpoint (e.g. a source split that cannot record its position),
 * though nothing is wrong with the job: the checkpoint is declined, the job goes on.
 */
final class CheckpointNotPossibleException extends RuntimeException {
  CheckpointNotPossibleException(String message) {
    super(message);
  }
}
