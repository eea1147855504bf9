package io.weir.runtime.connector;

/** A connector that writes a table. */
public interface SinkFactory extends DynamicTableFactory {

  /** Called once per job on the job's planning thread; options have been validated. */
  TableSink createSink(TableContext context);
}
