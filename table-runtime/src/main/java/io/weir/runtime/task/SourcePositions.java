package io.weir.runtime.task;

import io.weir.checkpointing.CheckpointMetadata;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a source's readers stood at a checkpoint, as operator state of its scan: the parallelism
 * its splits were made for (so a restore at another parallelism makes the same splits) and, by
 * split id, the reader's position or that the split was read to its end.
 */
record SourcePositions(int splitParallelism, Map<String, String> positions) {
  /** The position of a split that was read completely. */
  static final String FINISHED = "\u0000finished";

  byte[] encode() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeInt(splitParallelism);
      out.writeInt(positions.size());
      for (var e : positions.entrySet()) {
        writeString(out, e.getKey());
        writeString(out, e.getValue());
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Length-prefixed UTF-8: a position (all files a watched directory has read) may exceed 64 KB. */
  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(DataInputStream in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The positions every instance of a scan recorded, merged; null when the checkpoint has none. */
  static SourcePositions restore(CheckpointMetadata.OperatorState state) {
    if (state == null) {
      return null;
    }
    int splitParallelism = -1;
    Map<String, String> all = new HashMap<>();
    for (CheckpointMetadata.SubtaskState s : state.subtasks()) {
      if (s.operatorState().length == 0) {
        continue;
      }
      try {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(s.operatorState()));
        splitParallelism = in.readInt();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
          all.put(readString(in), readString(in));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Corrupt source positions of '" + state.description() + "'", e);
      }
    }
    return splitParallelism < 0 ? null : new SourcePositions(splitParallelism, all);
  }
}
