package io.weir.runtime.connector;

/**
 * A part of a table that one reader reads in order: a file, a Kafka partition, a generator's share.
 * Watermarks are tracked per split. {@link #id()} is stable across runs, so a checkpoint can name
 * the split whose position it records.
 */
public interface SourceSplit {
  String id();
}
