package io.weir.engine.checkpoint;

import io.weir.common.config.Configuration;
import io.weir.engine.Engine;
import io.weir.engine.Session;

/**
 * Runs, in a JVM with a small heap, an unbounded aggregation whose state is far larger than that
 * heap, on RocksDB with checkpoints; prints how many groups it kept, exits 0 when the job finished.
 * See {@link LargeStateQueryTest}.
 */
public final class LargeStateQueryProcess {
  private LargeStateQueryProcess() {}

  public static void main(String[] args) throws Exception {
    long keys = Long.parseLong(args[0]);
    try (Engine engine = Engine.create(new Configuration())) {
      Session s = engine.newSession();
      s.execute("SET 'table.dml-sync' = 'true'");
      s.execute("SET 'state.backend' = 'rocksdb'");
      s.execute("SET 'state.backend.rocksdb.block-cache-size' = '16 mb'");
      s.execute("SET 'state.backend.rocksdb.writebuffer.size' = '8 mb'");
      s.execute("SET 'execution.checkpointing.interval' = '2 s'");
      s.execute("SET 'execution.checkpointing.dir' = '" + args[1] + "'");
      s.execute("CREATE TABLE events (id BIGINT, payload STRING) WITH ('connector' = 'datagen',"
          + " 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '" + keys + "',"
          + " 'fields.payload.length' = '100', 'rows-per-second' = '1000000000')");
      s.execute("CREATE TABLE per_id (id BIGINT, n BIGINT, biggest STRING) WITH ('connector' = 'blackhole')");
      // Every id is its own group: the state keeps one accumulator and one emitted row per id.
      s.execute("INSERT INTO per_id SELECT id, COUNT(*), MAX(payload) FROM events GROUP BY id");
      System.out.println("finished: " + keys + " groups, max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB");
    }
    System.exit(0);
  }
}
