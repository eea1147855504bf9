package io.weir.gateway;

import com.fasterxml.jackson.core.JsonGenerator;
import io.weir.common.error.SqlException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Flink's error body, {@code {"errors":["<message>", ...]}}, with a short message first (Flink puts
 * a stack trace there), the stack trace as a second element only when asked for, and a Weir-only
 * {@code "weir"} object that Flink's clients ignore:
 * {@code {"errors":["SQL parse error at line 1, column 1: ..."],"weir":{"code":"SQL_ERROR","line":1,"column":1}}}.
 */
final class ErrorBody {
  private ErrorBody() {}

  static String of(Throwable error, String code, boolean withStackTrace) {
    return Json.write(g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("errors");
      g.writeString(message(error));
      if (withStackTrace) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        g.writeString(trace.toString());
      }
      g.writeEndArray();
      writeDetails(g, error, code);
      g.writeEndObject();
    });
  }

  /** Flink's body for an error with no exception behind it: {@code {"errors":["Not found: /v3/nosuch"]}}. */
  static String of(String message) {
    return Json.write(g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("errors");
      g.writeString(message);
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  private static void writeDetails(JsonGenerator g, Throwable error, String code) throws IOException {
    g.writeObjectFieldStart("weir");
    g.writeStringField("code", code);
    SqlException sql = sqlCause(error);
    if (sql != null && sql.hasPosition()) {
      g.writeNumberField("line", sql.line());
      g.writeNumberField("column", sql.column());
      g.writeNumberField("endLine", sql.endLine());
      g.writeNumberField("endColumn", sql.endColumn());
    }
    g.writeEndObject();
  }

  static SqlException sqlCause(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SqlException s) {
        return s;
      }
    }
    return null;
  }

  private static String message(Throwable error) {
    String m = error.getMessage();
    return m == null || m.isBlank() ? error.getClass().getSimpleName() : m;
  }
}
