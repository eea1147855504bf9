package io.weir.runtime.connector;

/** A table being written by one job; one {@link SinkWriter} per parallel sink task. */
public interface TableSink {

  /** Opens the writer of one task. Called on that task's thread. */
  SinkWriter createWriter(SinkContext context) throws Exception;
}
