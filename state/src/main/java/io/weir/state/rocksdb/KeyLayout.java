package io.weir.state.rocksdb;

import io.weir.state.internal.ByteArrayDataOutput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The binary key layout of the RocksDB backend; see {@link RocksDBKeyedStateBackend} for why.
 *
 * <pre>
 * value / list state     keyGroup:2 | stateId:1 | key | [namespace]
 * map state, user key    keyGroup:2 | stateId:1 | 0 | key | [namespace] | userKey        → seq:8
 * map state, order       keyGroup:2 | stateId:1 | 1 | key | [namespace] | seq:8          → userKey present:1 [value]
 * timers, by time        keyGroup:2 | stateId:1 | domain | ts^MIN:8 | seq:8 | key | namespace  → (empty)
 * timers, by identity    keyGroup:2 | stateId:1 | domain+1 | key | namespace | ts^MIN:8    → seq:8
 * restored, undeclared   keyGroup:2 | 0 | stateId:1                                      → snapshot block bytes
 * metadata               FF FF | 'S' | name (UTF-8) → stateId:1 kind:1 pending:1 signature (UTF-8)
 *                        FF FF | 'Q'                → next sequence number:8
 * </pre>
 *
 * Key groups are below 2^15, so the first byte of a key-group key is at most 0x7F and the
 * metadata sorts after every key group. Serialized keys and namespaces are self-delimiting (a
 * serializer reads back exactly what it wrote), so no {@code key | namespace} is a proper prefix
 * of another and a prefix scan over one key never sees another key's entries.
 */
final class KeyLayout {
  private KeyLayout() {}

  /** Bytes before a key: key group and state id. */
  static final int STATE_PREFIX = 3;

  /** The state-id byte of a restored block kept as bytes until its state is declared. */
  static final int PENDING = 0;

  static final int MAP_USER_KEY = 0;
  static final int MAP_ORDER = 1;

  static final int EVENT_TIME = 0;
  static final int PROCESSING_TIME = 2;
  /** Added to a domain: its by-identity index. */
  static final int BY_IDENTITY = 1;

  /** The largest state id: ids are one byte, 0 is {@link #PENDING}. */
  static final int MAX_STATE_ID = 255;

  static final byte[] META = {(byte) 0xFF, (byte) 0xFF};
  static final byte META_STATE = 'S';
  static final byte META_SEQUENCE = 'Q';

  static void keyGroupAndState(ByteArrayDataOutput out, int keyGroup, int stateId) {
    out.reset();
    out.writeShort(keyGroup);
    out.writeByte(stateId);
  }

  /** {@code keyGroup:2}: every key of one key group starts with it. */
  static byte[] keyGroupPrefix(int keyGroup) {
    return new byte[] {(byte) (keyGroup >>> 8), (byte) keyGroup};
  }

  static byte[] statePrefix(int keyGroup, int stateId) {
    return new byte[] {(byte) (keyGroup >>> 8), (byte) keyGroup, (byte) stateId};
  }

  static byte[] subPrefix(int keyGroup, int stateId, int sub) {
    return new byte[] {(byte) (keyGroup >>> 8), (byte) keyGroup, (byte) stateId, (byte) sub};
  }

  static byte[] pendingKey(int keyGroup, int stateId) {
    return new byte[] {(byte) (keyGroup >>> 8), (byte) keyGroup, PENDING, (byte) stateId};
  }

  static byte[] metaStateKey(String name) {
    byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
    byte[] key = new byte[3 + utf8.length];
    key[0] = META[0];
    key[1] = META[1];
    key[2] = META_STATE;
    System.arraycopy(utf8, 0, key, 3, utf8.length);
    return key;
  }

  static byte[] metaSequenceKey() {
    return new byte[] {META[0], META[1], META_SEQUENCE};
  }

  /** Timestamps with the sign bit flipped sort as unsigned big-endian bytes in signed order. */
  static long flip(long timestamp) {
    return timestamp ^ Long.MIN_VALUE;
  }

  /**
   * The smallest key greater than every key starting with {@code prefix}, or null if there is none
   * (all bytes 0xFF): the exclusive upper bound of a prefix scan.
   */
  static byte[] prefixEnd(byte[] prefix) {
    byte[] end = Arrays.copyOf(prefix, prefix.length);
    for (int i = end.length - 1; i >= 0; i--) {
      if (end[i] != (byte) 0xFF) {
        end[i]++;
        return Arrays.copyOf(end, i + 1);
      }
    }
    return null;
  }

  static boolean startsWith(byte[] key, byte[] prefix) {
    return key.length >= prefix.length
        && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
  }
}
