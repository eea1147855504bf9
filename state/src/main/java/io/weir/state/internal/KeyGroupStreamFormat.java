package io.weir.state.internal;

import io.weir.state.IncompatibleStateException;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The layout of one key group's snapshot stream, shared by the backends so a savepoint taken by
 * one can be restored by another:
 *
 * <pre>
 * magic:int  version:short  keySignature:string  blockCount:int
 * blockCount × ( name:string  kind:byte  signature:string  length:int  bytes[length] )
 * </pre>
 *
 * A block holds one state's entries in this key group; its bytes are self-delimited by the
 * length, so a state that is restored before it is declared can be kept as bytes until then. The
 * signature names the state's kind, serializers and namespace, e.g. {@code VALUE<BIGINT>} or
 * {@code LIST<ROW<BIGINT, STRING>> NAMESPACE<BIGINT>}. Strings are {@link Binary#writeString}.
 */
public final class KeyGroupStreamFormat {
  private KeyGroupStreamFormat() {}

  /** "WEIR" in ASCII. */
  public static final int MAGIC = 0x57454952;

  public static final int VERSION = 1;

  public static void writeHeader(DataOutput out, String keySignature, int blockCount)
      throws IOException {
    out.writeInt(MAGIC);
    out.writeShort(VERSION);
    Binary.writeString(out, keySignature);
    out.writeInt(blockCount);
  }

  /** Checks the header of {@code keyGroup}'s stream and returns its block count. */
  public static int readHeader(DataInput in, int keyGroup, String expectedKeySignature)
      throws IOException {
    int magic = in.readInt();
    if (magic != MAGIC) {
      throw new IOException(
          "The stream of key group " + keyGroup + " is not a Weir keyed-state snapshot: magic 0x"
              + Integer.toHexString(magic) + ", expected 0x" + Integer.toHexString(MAGIC));
    }
    int version = in.readShort();
    if (version != VERSION) {
      throw new IOException(
          "Key group " + keyGroup + " was written in snapshot format version " + version
              + "; this Weir reads version " + VERSION);
    }
    String keySignature = Binary.readString(in);
    if (!keySignature.equals(expectedKeySignature)) {
      throw new IncompatibleStateException(
          "Key group " + keyGroup + " holds keys of type " + keySignature
              + " but the operator's keys are now " + expectedKeySignature);
    }
    return in.readInt();
  }

  public static void writeBlock(
      DataOutput out, String name, StateKind kind, String signature, byte[] bytes, int length)
      throws IOException {
    Binary.writeString(out, name);
    out.writeByte(kind.code());
    Binary.writeString(out, signature);
    out.writeInt(length);
    out.write(bytes, 0, length);
  }

  /** One block read back. */
  public record Block(String name, StateKind kind, String signature, byte[] bytes) {}

  public static Block readBlock(DataInput in) throws IOException {
    String name = Binary.readString(in);
    StateKind kind = StateKind.fromCode(in.readByte());
    String signature = Binary.readString(in);
    return new Block(name, kind, signature, Binary.readBytes(in));
  }

  /** Fails unless a restored state's kind and signature match the declared state's. */
  public static void checkFits(
      String name, StateKind restoredKind, String restoredSignature, StateKind kind,
      String signature) {
    if (restoredKind != kind || !restoredSignature.equals(signature)) {
      throw new IncompatibleStateException(
          "State '" + name + "' was snapshotted as " + restoredSignature
              + " but is now declared as " + signature
              + "; its schema changed, so the snapshot cannot be restored into it");
    }
  }
}
