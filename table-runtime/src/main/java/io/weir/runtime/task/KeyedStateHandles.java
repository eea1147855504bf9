package io.weir.runtime.task;

import io.weir.state.KeyGroupRange;
import io.weir.state.KeyGroupSnapshotReader;
import io.weir.state.KeyGroupSnapshotWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a task's keyed state is stored in a checkpoint, and read back.
 *
 * <p>The canonical form — every backend writes and reads it, so savepoints move between backends
 * and parallelisms — is one file per operator instance holding its key groups one after another,
 * in the per-key-group stream format of the state module. The handle recorded in the checkpoint
 * metadata is {@code 1 | path relative to the checkpoint root | count | (key group, offset,
 * length)*}; a reader needs only the key groups it owns, and reads just those byte ranges.
 */
final class KeyedStateHandles {
  static final byte KEY_GROUP_FILE = 1;
  static final byte NATIVE = 2;

  private KeyedStateHandles() {}

  /**
   * Writes a backend's canonical snapshot into the file {@code root/relativePath} as it comes, key
   * group after key group, recording where each begins — nothing is held in memory.
   */
  static final class FileWriter implements KeyGroupSnapshotWriter, java.io.Closeable {
    private final String relativePath;
    private final CountingStream counted;
    private final DataOutputStream stream;
    private final Map<Integer, long[]> ranges = new LinkedHashMap<>();
    private int current = -1;

    FileWriter(Path root, String relativePath) throws IOException {
      this.relativePath = relativePath;
      this.counted = new CountingStream(new java.io.BufferedOutputStream(Files.newOutputStream(root.resolve(relativePath)), 1 << 16));
      this.stream = new DataOutputStream(counted);
    }

    @Override
    public DataOutputStream startKeyGroup(int keyGroup) throws IOException {
      closeCurrent();
      current = keyGroup;
      ranges.put(keyGroup, new long[] {counted.count, 0});
      return stream;
    }

    private void closeCurrent() throws IOException {
      if (current >= 0) {
        stream.flush();
        long[] r = ranges.get(current);
        r[1] = counted.count - r[0];
        current = -1;
      }
    }

    /** Closes the file and returns the handle naming it. */
    byte[] finish() throws IOException {
      closeCurrent();
      stream.close();
      ByteArrayOutputStream handle = new ByteArrayOutputStream();
      DataOutputStream h = new DataOutputStream(handle);
      h.writeByte(KEY_GROUP_FILE);
      h.writeUTF(relativePath);
      h.writeInt(ranges.size());
      for (var e : ranges.entrySet()) {
        h.writeInt(e.getKey());
        h.writeLong(e.getValue()[0]);
        h.writeLong(e.getValue()[1]);
      }
      return handle.toByteArray();
    }

    @Override
    public void close() throws IOException {
      stream.close();
    }
  }

  /** Counts the bytes written through it. */
  private static final class CountingStream extends java.io.FilterOutputStream {
    long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }

  /** Encodes a native (RocksDB incremental) handle for the checkpoint metadata. */
  static byte[] encodeNative(io.weir.state.NativeSnapshotHandle handle) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeByte(NATIVE);
    handle.write(out);
    return bytes.toByteArray();
  }

  static io.weir.state.NativeSnapshotHandle decodeNative(byte[] handle) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(handle));
    if (in.readByte() != NATIVE) {
      throw new IOException("not a native handle");
    }
    return io.weir.state.NativeSnapshotHandle.read(in);
  }

  /** The kind of an encoded handle. */
  static byte kind(byte[] handle) {
    return handle[0];
  }

  /** Reads the key groups of a canonical handle from its file; the file is opened per key group. */
  static KeyGroupSnapshotReader reader(Path root, byte[] handle) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(handle));
    if (in.readByte() != KEY_GROUP_FILE) {
      throw new IOException("not a key-group file handle");
    }
    Path file = root.resolve(in.readUTF());
    int n = in.readInt();
    Map<Integer, long[]> ranges = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      ranges.put(in.readInt(), new long[] {in.readLong(), in.readLong()});
    }
    return new KeyGroupSnapshotReader() {
      @Override
      public boolean contains(int keyGroup) {
        return ranges.containsKey(keyGroup);
      }

      @Override
      public DataInputStream open(int keyGroup) throws IOException {
        long[] r = ranges.get(keyGroup);
        ByteBuffer buffer = ByteBuffer.allocate((int) r[1]);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
          while (buffer.hasRemaining()) {
            if (channel.read(buffer, r[0] + buffer.position()) < 0) {
              throw new IOException(file + " ends before key group " + keyGroup);
            }
          }
        }
        return new DataInputStream(new ByteArrayInputStream(buffer.array()));
      }

      @Override
      public String toString() {
        return file.toString();
      }
    };
  }

  /** The key groups a canonical handle holds. */
  static List<Integer> keyGroups(byte[] handle) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(handle));
    in.readByte();
    in.readUTF();
    int n = in.readInt();
    List<Integer> groups = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      groups.add(in.readInt());
      in.readLong();
      in.readLong();
    }
    return groups;
  }

  /** True when a canonical handle holds any key group of {@code range}. */
  static boolean overlaps(byte[] handle, KeyGroupRange range) throws IOException {
    for (int kg : keyGroups(handle)) {
      if (range.contains(kg)) {
        return true;
      }
    }
    return false;
  }
}
