package io.weir.runtime.connector;

/** A connector that reads a table. */
public interface SourceFactory extends DynamicTableFactory {

  /** Whether the source ends (a file, a fixed number of rows) for these options. */
  boolean isBounded(TableContext context);

  /** Called once per job on the job's planning thread; options have been validated. */
  TableSource createSource(TableContext context);
}
