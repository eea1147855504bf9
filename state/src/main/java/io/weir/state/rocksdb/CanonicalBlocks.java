package io.weir.state.rocksdb;

import io.weir.state.internal.ByteArrayDataInput;
import io.weir.state.internal.ByteArrayDataOutput;
import io.weir.state.internal.StateKind;
import java.util.Arrays;
import org.rocksdb.RocksDB;
import org.rocksdb.Snapshot;

/**
 * Writes one state's entries of one key group as a block of the backend-independent snapshot
 * format — byte for byte what the heap backend writes for the same state (its {@code StateTable}
 * and codecs), so a savepoint restores on either backend. The RocksDB layout was chosen so this
 * needs no serializer: keys, namespaces and values are copied as stored, which is also why a
 * state restored natively but never declared is still written.
 */
final class CanonicalBlocks {
  private CanonicalBlocks() {}

  /** True if the state with {@code stateId} has entries in {@code keyGroup}. */
  static boolean hasData(RocksDB db, Snapshot snapshot, int keyGroup, int stateId) {
    byte[] prefix = KeyLayout.statePrefix(keyGroup, stateId);
    boolean[] found = {false};
    RocksStore.scan(db, snapshot, prefix, prefix, (k, v) -> {
      found[0] = true;
      return false;
    });
    return found[0];
  }

  static void write(
      RocksDB db, Snapshot snapshot, int keyGroup, StateRegistry.Entry state,
      ByteArrayDataOutput out) {
    int id = state.id;
    switch (state.kind) {
      case VALUE -> counted(out, () -> {
        int[] count = {0};
        scan(db, snapshot, KeyLayout.statePrefix(keyGroup, id), (k, v) -> {
          // key [namespace] value
          out.write(k, KeyLayout.STATE_PREFIX, k.length - KeyLayout.STATE_PREFIX);
          out.write(v);
          count[0]++;
        });
        return count[0];
      });
      case LIST -> counted(out, () -> {
        int[] count = {0};
        scan(db, snapshot, KeyLayout.statePrefix(keyGroup, id), (k, v) -> {
          // key [namespace] size:int elements
          out.write(k, KeyLayout.STATE_PREFIX, k.length - KeyLayout.STATE_PREFIX);
          out.writeInt(RocksListState.countFrames(v));
          RocksListState.writeElements(v, out);
          count[0]++;
        });
        return count[0];
      });
      case MAP -> counted(out, () -> writeMaps(db, snapshot, keyGroup, id, out));
      case TIMERS -> {
        for (int domain : new int[] {KeyLayout.EVENT_TIME, KeyLayout.PROCESSING_TIME}) {
          counted(out, () -> {
            int[] count = {0};
            scan(db, snapshot, KeyLayout.subPrefix(keyGroup, id, domain), (k, v) -> {
              // key namespace timestamp:long sequence:long
              out.write(k, RocksTimerService.KEY, k.length - RocksTimerService.KEY);
              out.writeLong(
                  KeyLayout.flip(ByteArrayDataInput.getLong(k, RocksTimerService.TIMESTAMP)));
              out.writeLong(ByteArrayDataInput.getLong(k, RocksTimerService.SEQUENCE));
              count[0]++;
            });
            return count[0];
          });
        }
      }
    }
  }

  /**
   * Per (key, namespace): {@code key [namespace] size:int} then its order entries' values, which
   * are already {@code userKey present:bool [value]}. The order entries of one (key, namespace)
   * are adjacent and their keys differ from the next one's in the bytes between the sub-space byte
   * and the trailing sequence number.
   */
  private static int writeMaps(
      RocksDB db, Snapshot snapshot, int keyGroup, int id, ByteArrayDataOutput out) {
    int keyStart = KeyLayout.STATE_PREFIX + 1;
    int[] state = {0, -1, 0}; // maps, position of the current map's size, its size
    byte[][] previous = {null};
    scan(db, snapshot, KeyLayout.subPrefix(keyGroup, id, KeyLayout.MAP_ORDER), (k, v) -> {
      byte[] p = previous[0];
      if (p == null || !Arrays.equals(k, keyStart, k.length - 8, p, keyStart, p.length - 8)) {
        if (state[1] >= 0) {
          out.setInt(state[1], state[2]);
        }
        out.write(k, keyStart, k.length - 8 - keyStart);
        state[1] = out.size();
        out.writeInt(0);
        state[2] = 0;
        state[0]++;
        previous[0] = k;
      }
      out.write(v);
      state[2]++;
    });
    if (state[1] >= 0) {
      out.setInt(state[1], state[2]);
    }
    return state[0];
  }

  /** Writes a count placeholder, then what {@code body} writes, then patches in its count. */
  private static void counted(ByteArrayDataOutput out, java.util.function.IntSupplier body) {
    int at = out.size();
    out.writeInt(0);
    out.setInt(at, body.getAsInt());
  }

  private interface EntryConsumer {
    void accept(byte[] key, byte[] value);
  }

  private static void scan(RocksDB db, Snapshot snapshot, byte[] prefix, EntryConsumer consumer) {
    RocksStore.scan(db, snapshot, prefix, prefix, (k, v) -> {
      consumer.accept(k, v);
      return true;
    });
  }
}
