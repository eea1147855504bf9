package io.weir.state.heap;

import io.weir.state.internal.StateKind;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** A declared state or timer service as the backend sees it: something to snapshot per key group. */
interface KeyGroupedState {
  String name();

  StateKind kind();

  /** Kind, serializers and namespace, e.g. {@code VALUE<BIGINT> NAMESPACE<BIGINT>}. */
  String signature();

  /** True if key group slot {@code index} holds anything. */
  boolean hasData(int index);

  void writeKeyGroup(int index, DataOutput out) throws IOException;

  void readKeyGroup(int index, DataInput in) throws IOException;

  void clear();
}
