package io.weir.runtime.expr;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;

/** What expressions may depend on besides their input row: the session's time zone. */
public record CompileContext(ZoneId zone) {
  public CompileContext {
    requireNonNull(zone, "zone");
  }

  public static CompileContext utc() {
    return new CompileContext(ZoneId.of("UTC"));
  }
}
