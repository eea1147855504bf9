package io.weir.gateway;

import io.javalin.http.Context;
import io.weir.common.error.SqlException;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Flink's error body, {@code {"errors":["<message>", ...]}}, with a short message first (Flink puts
 * a stack trace there) and the stack trace as a second element only when asked for. Nothing else
 * goes into the body: Flink's {@code RestClient} rejects an error body with any other field ("Response
 * was neither of the expected type nor an error"). Weir's machine-readable details travel in headers:
 * {@code Weir-Error-Code: SQL_ERROR} and, for SQL errors, {@code Weir-Error-Position: 2:6-2:11}
 * (line:column of the first and the last character).
 */
final class ErrorBody {
  static final String CODE_HEADER = "Weir-Error-Code";
  static final String POSITION_HEADER = "Weir-Error-Position";

  private ErrorBody() {}

  /**
   * @param trace the error whose stack trace is to be the second element, or null for none
   */
  static String of(String message, Throwable trace) {
    return Json.write(g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("errors");
      g.writeString(message);
      if (trace != null) {
        StringWriter text = new StringWriter();
        trace.printStackTrace(new PrintWriter(text));
        g.writeString(text.toString());
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  /** Flink's body for an error with no exception behind it: {@code {"errors":["Not found: /v3/nosuch"]}}. */
  static String of(String message) {
    return of(message, null);
  }

  /** Sets the Weir-only headers: the error's code and, for a SQL error, its position. */
  static void headers(Context ctx, Throwable error, String code) {
    ctx.header(CODE_HEADER, code);
    SqlException sql = sqlCause(error);
    if (sql != null && sql.hasPosition()) {
      ctx.header(POSITION_HEADER, sql.line() + ":" + sql.column() + "-" + sql.endLine() + ":" + sql.endColumn());
    }
  }

  static SqlException sqlCause(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SqlException s) {
        return s;
      }
    }
    return null;
  }

  static String message(Throwable error) {
    String m = error.getMessage();
    return m == null || m.isBlank() ? error.getClass().getSimpleName() : m;
  }
}
