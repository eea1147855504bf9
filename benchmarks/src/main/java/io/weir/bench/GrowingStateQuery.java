package io.weir.bench;

import io.weir.engine.Session;
import io.weir.engine.StatementResult;
import io.weir.runtime.job.Job;
import java.util.Locale;

/**
 * The query the checkpoint and recovery benchmarks run: a count and a sum per key of a {@code
 * datagen} sequence, into a {@link CountingSinkFactory counting sink}. With {@code keys} = 0 the
 * key is the sequence number itself, so every row adds a key and the state grows with the input;
 * otherwise the key is {@code id % keys}. RocksDB options given as system properties ({@code
 * -Dstate.backend.rocksdb.block-cache-size=512mb}) are SET in the session.
 *
 * <pre>{@code
 * CREATE TABLE gen (id BIGINT, k AS id % <keys>, v AS CAST(id * 7 % 1000 AS INT)) WITH ('connector' = 'datagen',
 *   'rows-per-second' = '<rate>', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '<rows>');
 * INSERT INTO sink SELECT k, COUNT(*), SUM(v) FROM gen GROUP BY k;
 * }</pre>
 */
final class GrowingStateQuery {
  private GrowingStateQuery() {}

  /** Where the aggregation's state lives and how RocksDB checkpoints it. */
  enum Backend {
    HEAP("heap", false),
    ROCKSDB_FULL("rocksdb", false),
    ROCKSDB_INCREMENTAL("rocksdb", true);

    final String stateBackend;
    final boolean incremental;

    Backend(String stateBackend, boolean incremental) {
      this.stateBackend = stateBackend;
      this.incremental = incremental;
    }

    /** {@code heap}, {@code rocksdb-full}, {@code rocksdb-incremental}. */
    String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Backend of(String label) {
      for (Backend b : values()) {
        if (b.label().equals(label)) {
          return b;
        }
      }
      throw new IllegalArgumentException("Unknown backend '" + label + "'; expected heap, rocksdb-full or rocksdb-incremental");
    }
  }

  /**
   * Declares the source and sink in {@code s} and sets its state backend and checkpoint interval
   * ({@code null}: no checkpoints).
   *
   * @param rowsPerSecond the generator's rate; {@code 1000000000} means as fast as it can go
   * @param rows where the sequence ends (the job finishes then)
   */
  static void declare(Session s, Backend backend, String interval, long rowsPerSecond, long rows, long keys,
      String sinkName) {
    s.execute("SET 'parallelism.default' = '1'");
    s.execute("SET 'state.backend' = '" + backend.stateBackend + "'");
    s.execute("SET 'state.backend.incremental' = '" + backend.incremental + "'");
    StateBenchmark.rocksDbOptions().toMap().forEach((k, v) -> s.execute("SET '" + k + "' = '" + v + "'"));
    if (interval != null) {
      s.execute("SET 'execution.checkpointing.interval' = '" + interval + "'");
      // Keep a few, so a checkpoint is still there when the benchmark measures it.
      s.execute("SET 'execution.checkpointing.num-retained' = '3'");
    }
    String key = keys > 0 ? "id % " + keys : "id";
    s.execute("CREATE TABLE gen (id BIGINT, k AS " + key + ", v AS CAST(id * 7 % 1000 AS INT)) WITH ("
        + "'connector' = 'datagen', 'rows-per-second' = '" + rowsPerSecond + "', "
        + "'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '" + rows + "')");
    s.execute("CREATE TABLE sink (k BIGINT, n BIGINT, total INT) WITH ('connector' = 'bench-counting', 'name' = '"
        + sinkName + "')");
  }

  /** Submits the INSERT; returns at once unless {@code table.dml-sync} is set. */
  static Job insert(Session s) {
    StatementResult r = s.execute("INSERT INTO sink SELECT k, COUNT(*), SUM(v) FROM gen GROUP BY k");
    return r instanceof StatementResult.JobResult j ? j.job() : null;
  }
}
