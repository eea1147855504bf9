package io.weir.state.serialization;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Writes values of one type to bytes and reads them back: how state leaves the heap (snapshots)
 * or never enters it (the RocksDB backend keeps only bytes).
 *
 * <p>A serializer handles non-null values; whoever may hold a null (a row field, a map value, a
 * list element) writes its own null marker. Serializers are stateless and thread-safe, so one
 * instance may be shared by every task.
 *
 * <p>{@link #signature()} names the binary format, e.g. {@code BIGINT} or {@code ROW<BIGINT,
 * STRING>}. A snapshot records it next to the data and a restore compares it with the serializer
 * of the state declared now, so reading bytes with the wrong serializer fails with a message
 * naming both instead of producing garbage. Two serializers with equal signatures must read each
 * other's bytes.
 */
public interface TypeSerializer<T> {

  /** Writes {@code value}, which is not null. */
  void serialize(T value, DataOutput out) throws IOException;

  /** Reads one value written by {@link #serialize}. */
  T deserialize(DataInput in) throws IOException;

  /** The stable name of this binary format; see the class comment. */
  String signature();
}
