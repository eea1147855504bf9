package io.weir.runtime.connector;

import io.weir.common.data.Row;
import java.util.List;

/**
 * A table read by key, for lookup joins ({@code JOIN t FOR SYSTEM_TIME AS OF o.proc_time ON …}):
 * the rows whose key fields equal {@code key}, as the table is now. Used by one task thread.
 */
public interface LookupSource extends AutoCloseable {

  /** The rows of the table whose key fields equal {@code key}'s fields, in the table's physical type. */
  List<Row> lookup(Row key) throws Exception;

  @Override
  default void close() throws Exception {}
}
