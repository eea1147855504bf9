package io.weir.runtime.task;

/** Carries an operator's checked exception through {@link io.weir.runtime.operator.Output#emit}. */
final class OperatorFailure extends RuntimeException {
  OperatorFailure(Throwable cause) {
    super(cause.getMessage(), cause, false, false);
  }

  /** The original failure, unwrapped from any number of these. */
  static Throwable unwrap(Throwable t) {
    while (t instanceof OperatorFailure && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
