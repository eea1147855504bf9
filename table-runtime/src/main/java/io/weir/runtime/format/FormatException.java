package io.weir.runtime.format;

/** A record that does not fit the format; the message names the field and what was found. */
public class FormatException extends Exception {
  public FormatException(String message) {
    super(message);
  }

  public FormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
