package io.weir.checkpointing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a completed checkpoint or savepoint holds: for every stateful operator (by its stable uid)
 * the state of each of its parallel instances. The state itself is opaque here — the runtime
 * encodes keyed-state handles and operator state (source positions, staged sink output) — except
 * for the shared files it references, which storage must keep while any retained checkpoint does.
 *
 * <p>Written as {@code _metadata} in the checkpoint's directory; see {@link #write} for the format.
 */
public record CheckpointMetadata(
    long checkpointId, long timestamp, boolean savepoint, int maxParallelism, List<OperatorState> operators) {

  private static final int MAGIC = 0x57434b50; // "WCKP"
  private static final int VERSION = 1;

  public CheckpointMetadata {
    operators = List.copyOf(operators);
  }

  /** The state of one operator: the uid derived from the plan, what it was, and its instances. */
  public record OperatorState(String uid, String description, int parallelism, List<SubtaskState> subtasks) {
    public OperatorState {
      subtasks = List.copyOf(subtasks);
    }
  }

  /**
   * One parallel instance's state: an encoded keyed-state handle and operator state (each may be
   * empty), and the files under the shared directory the handle refers to.
   */
  public record SubtaskState(int subtask, byte[] keyedState, byte[] operatorState, List<String> sharedFiles) {
    public SubtaskState {
      sharedFiles = List.copyOf(sharedFiles);
    }

    public boolean isEmpty() {
      return keyedState.length == 0 && operatorState.length == 0;
    }
  }

  public Optional<OperatorState> operator(String uid) {
    return operators.stream().filter(o -> o.uid().equals(uid)).findFirst();
  }

  /** Every shared file some subtask refers to. */
  public List<String> sharedFiles() {
    List<String> all = new ArrayList<>();
    for (OperatorState o : operators) {
      for (SubtaskState s : o.subtasks()) {
        all.addAll(s.sharedFiles());
      }
    }
    return all;
  }

  /**
   * The binary format, big-endian: magic {@code WCKP}, version, checkpoint id, timestamp (epoch
   * millis), savepoint flag, max parallelism, operator count; per operator its uid, description,
   * parallelism and subtask count; per subtask its index, keyed-state bytes, operator-state bytes
   * (each length-prefixed) and its shared files.
   */
  public void write(DataOutputStream out) throws IOException {
    out.writeInt(MAGIC);
    out.writeInt(VERSION);
    out.writeLong(checkpointId);
    out.writeLong(timestamp);
    out.writeBoolean(savepoint);
    out.writeInt(maxParallelism);
    out.writeInt(operators.size());
    for (OperatorState o : operators) {
      out.writeUTF(o.uid());
      writeString(out, o.description());
      out.writeInt(o.parallelism());
      out.writeInt(o.subtasks().size());
      for (SubtaskState s : o.subtasks()) {
        out.writeInt(s.subtask());
        writeBytes(out, s.keyedState());
        writeBytes(out, s.operatorState());
        out.writeInt(s.sharedFiles().size());
        for (String f : s.sharedFiles()) {
          out.writeUTF(f);
        }
      }
    }
  }

  public static CheckpointMetadata read(DataInputStream in, String source) throws IOException {
    if (in.readInt() != MAGIC) {
      throw new IOException(source + " is not a Weir checkpoint metadata file");
    }
    int version = in.readInt();
    if (version != VERSION) {
      throw new IOException(source + " has metadata version " + version + "; this Weir reads version " + VERSION);
    }
    long id = in.readLong();
    long timestamp = in.readLong();
    boolean savepoint = in.readBoolean();
    int maxParallelism = in.readInt();
    int operatorCount = in.readInt();
    List<OperatorState> operators = new ArrayList<>(operatorCount);
    for (int i = 0; i < operatorCount; i++) {
      String uid = in.readUTF();
      String description = readString(in);
      int parallelism = in.readInt();
      int subtaskCount = in.readInt();
      List<SubtaskState> subtasks = new ArrayList<>(subtaskCount);
      for (int s = 0; s < subtaskCount; s++) {
        int subtask = in.readInt();
        byte[] keyed = readBytes(in);
        byte[] op = readBytes(in);
        int files = in.readInt();
        List<String> shared = new ArrayList<>(files);
        for (int f = 0; f < files; f++) {
          shared.add(in.readUTF());
        }
        subtasks.add(new SubtaskState(subtask, keyed, op, shared));
      }
      operators.add(new OperatorState(uid, description, parallelism, subtasks));
    }
    return new CheckpointMetadata(id, timestamp, savepoint, maxParallelism, operators);
  }

  private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return bytes;
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    writeBytes(out, s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static String readString(DataInputStream in) throws IOException {
    return new String(readBytes(in), java.nio.charset.StandardCharsets.UTF_8);
  }
}
