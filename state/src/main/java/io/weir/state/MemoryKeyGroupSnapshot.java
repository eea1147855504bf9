package io.weir.state;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.Collections;
import java.util.Set;
import java.util.TreeMap;

/**
 * A snapshot held in memory, one byte array per key group: written by a backend's {@code
 * snapshot}, read back by another's {@code restore}. For tests, the operator harness, and as the
 * reference for what a durable implementation must do.
 */
public final class MemoryKeyGroupSnapshot implements KeyGroupSnapshotWriter, KeyGroupSnapshotReader {
  private final TreeMap<Integer, ByteArrayOutputStream> keyGroups = new TreeMap<>();

  @Override
  public DataOutputStream startKeyGroup(int keyGroup) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    if (keyGroups.putIfAbsent(keyGroup, bytes) != null) {
      throw new IllegalStateException("Key group " + keyGroup + " was already written");
    }
    return new DataOutputStream(bytes);
  }

  @Override
  public boolean contains(int keyGroup) {
    return keyGroups.containsKey(keyGroup);
  }

  @Override
  public DataInputStream open(int keyGroup) {
    return new DataInputStream(new ByteArrayInputStream(bytes(keyGroup)));
  }

  /** The key groups written, ascending. */
  public Set<Integer> keyGroups() {
    return Collections.unmodifiableSet(keyGroups.keySet());
  }

  /** The bytes written for {@code keyGroup}. */
  public byte[] bytes(int keyGroup) {
    ByteArrayOutputStream bytes = keyGroups.get(keyGroup);
    if (bytes == null) {
      throw new IllegalArgumentException(
          "This snapshot has no key group " + keyGroup + "; it has " + keyGroups.keySet());
    }
    return bytes.toByteArray();
  }

  /** The total size of all key groups' bytes. */
  public long sizeInBytes() {
    long size = 0;
    for (ByteArrayOutputStream bytes : keyGroups.values()) {
      size += bytes.size();
    }
    return size;
  }

  @Override
  public String toString() {
    return keyGroups.isEmpty()
        ? "MemoryKeyGroupSnapshot[]"
        : "MemoryKeyGroupSnapshot[" + keyGroups.firstKey() + ".." + keyGroups.lastKey() + "]";
  }
}
