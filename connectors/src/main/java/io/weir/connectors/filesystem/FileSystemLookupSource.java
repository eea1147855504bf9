package io.weir.connectors.filesystem;

import io.weir.common.data.Row;
import io.weir.runtime.connector.LookupSource;
import io.weir.runtime.connector.ReaderContext;
import io.weir.runtime.connector.SourceSplit;
import io.weir.runtime.connector.SplitReader;
import io.weir.runtime.connector.TableSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A filesystem table held in memory for lookup joins: every file read into a map by the lookup key,
 * and read again once the cache's time to live ({@code lookup.join.cache.ttl}, as Flink names it)
 * has passed, so changed files are seen.
 */
final class FileSystemLookupSource implements LookupSource {
  private final TableSource files;
  private final int[] keyFields;
  private final long ttlMillis;
  private Map<Row, List<Row>> byKey;
  private long loadedAt;

  FileSystemLookupSource(TableSource files, List<Integer> keyFields, long ttlMillis) {
    this.files = files;
    this.keyFields = keyFields.stream().mapToInt(Integer::intValue).toArray();
    this.ttlMillis = ttlMillis;
  }

  @Override
  public List<Row> lookup(Row key) throws Exception {
    long now = System.currentTimeMillis();
    if (byKey == null || now - loadedAt >= ttlMillis) {
      byKey = load();
      loadedAt = now;
    }
    return byKey.getOrDefault(key, List.of());
  }

  private Map<Row, List<Row>> load() throws Exception {
    Map<Row, List<Row>> map = new HashMap<>();
    ReaderContext context = new ReaderContext() {
      @Override public int subtaskIndex() { return 0; }
      @Override public int parallelism() { return 1; }
      @Override public void recordSkipped(String reason) { }
    };
    for (SourceSplit split : files.splits(1)) {
      try (SplitReader reader = files.createReader(split, context)) {
        while (reader.read(row -> {
          Object[] key = new Object[keyFields.length];
          for (int i = 0; i < keyFields.length; i++) {
            key[i] = row.field(keyFields[i]);
          }
          map.computeIfAbsent(Row.of(key), k -> new ArrayList<>()).add(row);
        }) != SplitReader.ReadStatus.END_OF_SPLIT) {
          // A bounded split reads to its end.
        }
      }
    }
    return map;
  }
}
