package io.weir.state.rocksdb;

import io.weir.common.error.WeirException;
import io.weir.state.internal.ByteArrayDataOutput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.Snapshot;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * Point reads and writes, prefix scans and batches over one open RocksDB: the few operations the
 * states need, with {@link RocksDBException} turned into an unchecked error naming the operation.
 * Scans open and close their native iterator within the call, so no native object outlives it.
 */
final class RocksStore {
  /** How many entries a {@link #values} iterator reads per native iterator. */
  private static final int CHUNK = 256;
  /** A restore flushes its batch when it holds this many bytes. */
  private static final long BATCH_BYTES = 4 << 20;

  private final ReadOptions readOptions;
  private final WriteOptions writeOptions;
  RocksDB db;

  RocksStore(RocksDB db, ReadOptions readOptions, WriteOptions writeOptions) {
    this.db = db;
    this.readOptions = readOptions;
    this.writeOptions = writeOptions;
  }

  /** Receives the entries of a scan; returns false to stop. */
  @FunctionalInterface
  interface Visitor {
    boolean visit(byte[] key, byte[] value);
  }

  static WeirException failure(String what, RocksDBException e) {
    return new WeirException("RocksDB state backend failed to " + what + ": " + e.getMessage(), e);
  }

  byte[] get(ByteArrayDataOutput key) {
    try {
      return db.get(readOptions, key.buffer(), 0, key.size());
    } catch (RocksDBException e) {
      throw failure("read", e);
    }
  }

  byte[] get(byte[] key) {
    try {
      return db.get(readOptions, key);
    } catch (RocksDBException e) {
      throw failure("read", e);
    }
  }

  void put(ByteArrayDataOutput key, ByteArrayDataOutput value) {
    try {
      db.put(writeOptions, key.buffer(), 0, key.size(), value.buffer(), 0, value.size());
    } catch (RocksDBException e) {
      throw failure("write", e);
    }
  }

  void put(byte[] key, byte[] value) {
    try {
      db.put(writeOptions, key, value);
    } catch (RocksDBException e) {
      throw failure("write", e);
    }
  }

  void merge(ByteArrayDataOutput key, ByteArrayDataOutput value) {
    try {
      db.merge(writeOptions, key.buffer(), 0, key.size(), value.buffer(), 0, value.size());
    } catch (RocksDBException e) {
      throw failure("append to a list", e);
    }
  }

  void delete(ByteArrayDataOutput key) {
    try {
      db.delete(writeOptions, key.buffer(), 0, key.size());
    } catch (RocksDBException e) {
      throw failure("delete", e);
    }
  }

  void delete(byte[] key) {
    try {
      db.delete(writeOptions, key);
    } catch (RocksDBException e) {
      throw failure("delete", e);
    }
  }

  /** Visits the entries whose keys start with {@code prefix}, in key order. */
  void scan(byte[] prefix, Visitor visitor) {
    scan(db, null, prefix, prefix, visitor);
  }

  /** Visits, in key order, the entries from {@code from} on whose keys start with {@code prefix}. */
  void scanFrom(byte[] from, byte[] prefix, Visitor visitor) {
    scan(db, null, from, prefix, visitor);
  }

  /**
   * Visits, in key order, the entries of {@code db} (as of {@code snapshot}, if not null) from
   * {@code from} on whose keys start with {@code prefix}. The prefix's end is set as the
   * iterator's upper bound, so RocksDB stops there instead of skipping deleted entries beyond it.
   */
  static void scan(RocksDB db, Snapshot snapshot, byte[] from, byte[] prefix, Visitor visitor) {
    byte[] end = KeyLayout.prefixEnd(prefix);
    try (Slice upper = end == null ? null : new Slice(end);
        ReadOptions options = new ReadOptions()) {
      if (upper != null) {
        options.setIterateUpperBound(upper);
      }
      if (snapshot != null) {
        options.setSnapshot(snapshot);
      }
      try (RocksIterator it = db.newIterator(options)) {
        for (it.seek(from); it.isValid(); it.next()) {
          byte[] key = it.key();
          if (!KeyLayout.startsWith(key, prefix) || !visitor.visit(key, it.value())) {
            break;
          }
        }
        it.status();
      }
    } catch (RocksDBException e) {
      throw failure("scan", e);
    }
  }

  /** The first key starting with {@code prefix}, from {@code from} on, or null. */
  byte[] firstKey(byte[] from, byte[] prefix) {
    byte[][] first = new byte[1][];
    scan(db, null, from, prefix, (k, v) -> {
      first[0] = k;
      return false;
    });
    return first[0];
  }

  boolean hasPrefix(ByteArrayDataOutput prefix) {
    byte[] p = prefix.toByteArray();
    return firstKey(p, p) != null;
  }

  /** Deletes every entry whose key starts with {@code prefix}, in one batch. */
  void deletePrefix(ByteArrayDataOutput prefix) {
    byte[] p = prefix.toByteArray();
    try (WriteBatch batch = new WriteBatch()) {
      scan(p, (k, v) -> {
        try {
          batch.delete(k);
        } catch (RocksDBException e) {
          throw failure("delete", e);
        }
        return true;
      });
      if (batch.count() > 0) {
        db.write(writeOptions, batch);
      }
    } catch (RocksDBException e) {
      throw failure("delete", e);
    }
  }

  /**
   * The values of the entries whose keys start with {@code prefix}, in key order, read lazily
   * {@value #CHUNK} at a time: each chunk opens and closes its own native iterator, so an
   * iteration abandoned half-way leaks nothing.
   */
  Iterator<byte[]> values(byte[] prefix) {
    return new Iterator<>() {
      private final List<byte[]> chunk = new ArrayList<>();
      private int next;
      private byte[] lastKey;
      private boolean exhausted;

      @Override
      public boolean hasNext() {
        if (next < chunk.size()) {
          return true;
        }
        if (exhausted) {
          return false;
        }
        chunk.clear();
        next = 0;
        byte[] from = lastKey == null ? prefix : lastKey;
        byte[] skip = lastKey;
        scan(db, null, from, prefix, (k, v) -> {
          if (skip != null && Arrays.equals(k, skip)) {
            return true;
          }
          chunk.add(v);
          lastKey = k;
          return chunk.size() < CHUNK;
        });
        exhausted = chunk.size() < CHUNK;
        return !chunk.isEmpty();
      }

      @Override
      public byte[] next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return chunk.get(next++);
      }
    };
  }

  /** Writes many entries in batches of a few megabytes: for restores. */
  Batch batch() {
    return new Batch(db);
  }

  final class Batch implements AutoCloseable {
    private final RocksDB target;
    private final WriteBatch batch = new WriteBatch();

    private Batch(RocksDB target) {
      this.target = target;
    }

    void put(byte[] key, byte[] value) {
      try {
        batch.put(key, value);
        if (batch.getDataSize() >= BATCH_BYTES) {
          flush();
        }
      } catch (RocksDBException e) {
        throw failure("restore", e);
      }
    }

    void put(ByteArrayDataOutput key, byte[] value) {
      put(key.toByteArray(), value);
    }

    void flush() {
      try {
        if (batch.count() > 0) {
          target.write(writeOptions, batch);
          batch.clear();
        }
      } catch (RocksDBException e) {
        throw failure("restore", e);
      }
    }

    @Override
    public void close() {
      try {
        flush();
      } finally {
        batch.close();
      }
    }
  }
}
