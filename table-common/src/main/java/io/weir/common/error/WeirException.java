package io.weir.common.error;

/** The base of every error Weir reports to a user. Its message says what, where, and what fits. */
public class WeirException extends RuntimeException {
  public WeirException(String message) {
    super(message);
  }

  public WeirException(String message, Throwable cause) {
    super(message, cause);
  }
}
