package io.weir.checkpointing;

/** A checkpoint or savepoint that did not complete, and why. */
public final class CheckpointException extends RuntimeException {
  public CheckpointException(String message) {
    super(message);
  }
}
