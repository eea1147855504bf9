package io.weir.state.internal;

import java.io.IOException;

/** The kinds of keyed state, with the fixed codes a snapshot stores them under. */
public enum StateKind {
  VALUE(1),
  MAP(2),
  LIST(3),
  TIMERS(4);

  private final int code;

  StateKind(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static StateKind fromCode(int code) throws IOException {
    for (StateKind kind : values()) {
      if (kind.code == code) {
        return kind;
      }
    }
    throw new IOException("Corrupt snapshot: unknown state kind code " + code);
  }
}
