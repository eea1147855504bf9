package io.weir.state.heap;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Writes and reads what a heap state keeps per (key, namespace): a value, a map or a list. */
interface StateCodec<S> {
  void write(S state, DataOutput out) throws IOException;

  S read(DataInput in) throws IOException;
}
