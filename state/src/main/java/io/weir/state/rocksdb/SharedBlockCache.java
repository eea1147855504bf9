package io.weir.state.rocksdb;

import java.util.HashMap;
import java.util.Map;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;

/**
 * One RocksDB block cache for every RocksDB state backend of the process (per configured size),
 * as Flink shares managed memory among a slot's RocksDB instances: the hot blocks of all operators
 * compete for one budget instead of each operator getting a small slice it may not need while
 * another thrashes. Reference-counted: closed when the last backend using it closes.
 */
final class SharedBlockCache {
  private static final Map<Long, SharedBlockCache> CACHES = new HashMap<>();

  private final long size;
  private final LRUCache cache;
  private int users;

  private SharedBlockCache(long size) {
    this.size = size;
    // A tenth kept for index and filter blocks (cached with high priority): data blocks read once
    // must not evict the blocks every lookup needs, which made large state crawl.
    this.cache = new LRUCache(size, -1, false, 0.1);
  }

  /** The process's cache of {@code size} bytes, created on first use; {@link #release} it after. */
  static synchronized SharedBlockCache acquire(long size) {
    SharedBlockCache shared = CACHES.computeIfAbsent(size, SharedBlockCache::new);
    shared.users++;
    return shared;
  }

  Cache cache() {
    return cache;
  }

  /** One user less; the last one closes the cache. Call once per {@link #acquire}. */
  void release() {
    synchronized (SharedBlockCache.class) {
      if (--users == 0) {
        CACHES.remove(size);
        cache.close();
      }
    }
  }
}
