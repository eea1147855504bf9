package io.weir.state.rocksdb;

import io.weir.state.internal.StateKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rocksdb.RocksDB;

/**
 * Which one-byte id each state name has, with its kind and signature: kept in memory and in the
 * DB itself (metadata keys, see {@link KeyLayout}), so a native checkpoint carries its own
 * mapping and a restore — direct or by copying key groups — can translate ids.
 */
final class StateRegistry {

  /** One state known to the DB, declared in this run or not. */
  static final class Entry {
    final String name;
    final StateKind kind;
    final String signature;
    int id;
    /** True if some key groups still hold this state as snapshot bytes ({@link KeyLayout#PENDING}). */
    boolean pending;

    Entry(String name, StateKind kind, String signature, int id, boolean pending) {
      this.name = name;
      this.kind = kind;
      this.signature = signature;
      this.id = id;
      this.pending = pending;
    }

    byte[] encode() {
      byte[] sig = signature.getBytes(StandardCharsets.UTF_8);
      byte[] value = new byte[3 + sig.length];
      value[0] = (byte) id;
      value[1] = (byte) kind.code();
      value[2] = (byte) (pending ? 1 : 0);
      System.arraycopy(sig, 0, value, 3, sig.length);
      return value;
    }

    @Override
    public String toString() {
      return name + "#" + id + ": " + signature;
    }
  }

  private final Map<String, Entry> byName = new LinkedHashMap<>();
  private final Entry[] byId = new Entry[KeyLayout.MAX_STATE_ID + 1];

  Entry get(String name) {
    return byName.get(name);
  }

  Entry byId(int id) {
    return byId[id];
  }

  /** The entries by ascending id: snapshots write their blocks in this order. */
  List<Entry> entries() {
    List<Entry> entries = new ArrayList<>(byName.size());
    for (Entry entry : byId) {
      if (entry != null) {
        entries.add(entry);
      }
    }
    return entries;
  }

  /** Registers a new name under the smallest free id and stores it in the DB. */
  Entry register(RocksStore store, String name, StateKind kind, String signature) {
    Entry entry = new Entry(name, kind, signature, freeId(name), false);
    add(entry);
    persist(store, entry);
    return entry;
  }

  void add(Entry entry) {
    byName.put(entry.name, entry);
    byId[entry.id] = entry;
  }

  void clear() {
    byName.clear();
    Arrays.fill(byId, null);
  }

  /** Gives {@code entry} an id no other entry has and stores it. */
  void reassign(RocksStore store, Entry entry) {
    entry.id = freeId(entry.name);
    add(entry);
    persist(store, entry);
  }

  static void persist(RocksStore store, Entry entry) {
    store.put(KeyLayout.metaStateKey(entry.name), entry.encode());
  }

  private int freeId(String name) {
    for (int id = 1; id <= KeyLayout.MAX_STATE_ID; id++) {
      if (byId[id] == null) {
        return id;
      }
    }
    throw new IllegalStateException(
        "Cannot declare state '" + name + "': an operator instance on RocksDB holds at most "
            + KeyLayout.MAX_STATE_ID + " states and timer services");
  }

  /** The entries stored in {@code db}. */
  static List<Entry> read(RocksDB db) {
    List<Entry> entries = new ArrayList<>();
    byte[] prefix = {KeyLayout.META[0], KeyLayout.META[1], KeyLayout.META_STATE};
    RocksStore.scan(db, null, prefix, prefix, (k, v) -> {
      String name = new String(k, 3, k.length - 3, StandardCharsets.UTF_8);
      StateKind kind;
      try {
        kind = StateKind.fromCode(v[1]);
      } catch (java.io.IOException e) {
        throw new IllegalStateException("State '" + name + "' in RocksDB: " + e.getMessage(), e);
      }
      String signature = new String(v, 3, v.length - 3, StandardCharsets.UTF_8);
      entries.add(new Entry(name, kind, signature, v[0] & 0xFF, v[2] != 0));
      return true;
    });
    return entries;
  }
}
