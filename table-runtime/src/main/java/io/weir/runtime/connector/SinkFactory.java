package io.weir.runtime.connector;

/** A connector that writes a table. */
public interface SinkFactory extends DynamicTableFactory {

  /**
   * Whether the sink can take an updating result ({@code -U}, {@code +U}, {@code -D} rows); an
   * append-only sink (a file) cannot, and the planner refuses such a query before it runs.
   */
  default boolean acceptsUpdates() {
    return false;
  }

  /** Called once per job on the job's planning thread; options have been validated. */
  TableSink createSink(TableContext context);
}
