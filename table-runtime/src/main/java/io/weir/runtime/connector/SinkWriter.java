package io.weir.runtime.connector;

import io.weir.common.data.Row;

/**
 * Writes the rows of one sink task. Used only by that task's thread. Rows have the sink table's
 * physical type; their kind says whether they insert, update or delete.
 */
public interface SinkWriter extends AutoCloseable {

  void write(Row row) throws Exception;

  /** Makes everything written so far durable/visible; called at the end of input. */
  default void flush() throws Exception {}

  /** Releases resources; after a successful {@link #flush()} the output is complete. */
  @Override
  default void close() throws Exception {}
}
