package io.weir.state.heap;

import io.weir.state.internal.StateKind;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** A heap state: a {@link StateTable} of {@code S} plus how to snapshot an {@code S}. */
abstract class AbstractHeapState<K, N, S> implements KeyGroupedState {
  private final String name;
  private final StateKind kind;
  private final String signature;
  final StateTable<K, N, S> table;
  private final StateCodec<S> codec;

  AbstractHeapState(
      String name, StateKind kind, String signature, StateTable<K, N, S> table,
      StateCodec<S> codec) {
    this.name = name;
    this.kind = kind;
    this.signature = signature;
    this.table = table;
    this.codec = codec;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final StateKind kind() {
    return kind;
  }

  @Override
  public final String signature() {
    return signature;
  }

  @Override
  public final boolean hasData(int index) {
    return table.hasData(index);
  }

  @Override
  public final void writeKeyGroup(int index, DataOutput out) throws IOException {
    table.write(index, out, codec);
  }

  @Override
  public final void readKeyGroup(int index, DataInput in) throws IOException {
    table.read(index, in, codec, name);
  }

  @Override
  public final void clear() {
    table.clear();
  }

  @Override
  public String toString() {
    return name + ": " + signature;
  }
}
