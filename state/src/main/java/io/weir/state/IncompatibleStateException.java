package io.weir.state;

import io.weir.common.error.WeirException;

/**
 * A restored state does not fit the state declared under the same name: another kind (value, map,
 * list, timers) or another binary format (serializer signature). Thrown when the state is declared
 * or restored; the checkpointing layer adds the operator's name to the message.
 */
public class IncompatibleStateException extends WeirException {
  public IncompatibleStateException(String message) {
    super(message);
  }
}
