package io.weir.runtime.job;

import io.weir.common.error.WeirException;

/** A job stopped because one of its tasks failed; the message says which and why. */
public class JobFailedException extends WeirException {
  public JobFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
