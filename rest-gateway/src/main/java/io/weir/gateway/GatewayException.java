package io.weir.gateway;

/**
 * An error the gateway answers with an HTTP status and Flink's error body ({@code {"errors":[...]}}).
 * The message is the first, human-readable element: what was wrong and what would be right.
 */
final class GatewayException extends RuntimeException {
  private final int status;
  private final String code;

  GatewayException(int status, String code, String message) {
    this(status, code, message, null);
  }

  GatewayException(int status, String code, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.code = code;
  }

  static GatewayException badRequest(String message) {
    return new GatewayException(400, "BAD_REQUEST", message);
  }

  static GatewayException notFound(String code, String message) {
    return new GatewayException(404, code, message);
  }

  static GatewayException conflict(String message) {
    return new GatewayException(409, "INVALID_OPERATION_STATE", message);
  }

  static GatewayException tooMany(String message) {
    return new GatewayException(429, "LIMIT_REACHED", message);
  }

  int status() {
    return status;
  }

  /** A stable, machine-readable name of the error, in the Weir-only {@code weir.code} field. */
  String code() {
    return code;
  }
}
