package io.weir.state;

import static java.util.Objects.requireNonNull;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an uploaded {@link NativeSnapshot} lives: the key groups it holds and its files, as paths
 * relative to the checkpoint root. Shared files may be referenced by several checkpoints' handles
 * (the checkpointing layer counts references before deleting one); private files belong to this
 * handle alone.
 */
public record NativeSnapshotHandle(
    KeyGroupRange keyGroupRange, List<String> sharedFiles, List<String> privateFiles) {

  /** Guards against reading something else as a handle. */
  private static final int MAGIC = 0x5745524E; // "WERN"

  public NativeSnapshotHandle {
    requireNonNull(keyGroupRange, "keyGroupRange");
    sharedFiles = List.copyOf(sharedFiles);
    privateFiles = List.copyOf(privateFiles);
  }

  /** {@code magic:int start:int end:int shared:int shared×utf privates:int privates×utf}. */
  public void write(DataOutput out) throws IOException {
    out.writeInt(MAGIC);
    out.writeInt(keyGroupRange.start());
    out.writeInt(keyGroupRange.endInclusive());
    writeList(out, sharedFiles);
    writeList(out, privateFiles);
  }

  public static NativeSnapshotHandle read(DataInput in) throws IOException {
    int magic = in.readInt();
    if (magic != MAGIC) {
      throw new IOException(
          "Not a native snapshot handle: magic 0x" + Integer.toHexString(magic) + ", expected 0x"
              + Integer.toHexString(MAGIC));
    }
    KeyGroupRange range = new KeyGroupRange(in.readInt(), in.readInt());
    return new NativeSnapshotHandle(range, readList(in), readList(in));
  }

  private static void writeList(DataOutput out, List<String> paths) throws IOException {
    out.writeInt(paths.size());
    for (String path : paths) {
      out.writeUTF(path);
    }
  }

  private static List<String> readList(DataInput in) throws IOException {
    int size = in.readInt();
    if (size < 0) {
      throw new IOException("Corrupt native snapshot handle: negative file count " + size);
    }
    List<String> paths = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      paths.add(in.readUTF());
    }
    return paths;
  }
}
