package io.weir.runtime.job;

import io.weir.common.data.Row;

/**
 * Receives a query's changelog for a client (the shell, a REST caller). Called from task threads:
 * implementations are thread-safe. May block to apply back-pressure to the job.
 */
public interface ResultCollector {

  void collect(Row row);

  /** The query's watermark advanced; shown by live result views. */
  default void onWatermark(long watermark) {}

  /** The query's input ended: no more rows will come. */
  void finish();

  /** The job failed or was cancelled before finishing; {@code cause} says why. */
  void fail(Throwable cause);
}
