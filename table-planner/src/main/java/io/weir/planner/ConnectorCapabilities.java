package io.weir.planner;

import java.util.Map;

/**
 * What the planner may ask about a table's connector. The planner does not see connectors (they
 * live downstream of it); the engine answers for them.
 */
public interface ConnectorCapabilities {

  /** Whether the connector reads only the fields it is asked for. */
  boolean supportsProjectionPushDown(Map<String, String> options);

  /** Whether a filter may be evaluated inside the table's scan. */
  boolean supportsFilterPushDown(Map<String, String> options);

  /** Whether the table can be read by key, for lookup joins. */
  default boolean supportsLookup(Map<String, String> options) {
    return false;
  }

  /**
   * What the table's source emits: inserts only (most), or a full changelog (a CDC format such as
   * {@code debezium-json}).
   */
  default io.weir.common.plan.ChangelogMode sourceChangelogMode(Map<String, String> options) {
    return io.weir.common.plan.ChangelogMode.INSERT_ONLY;
  }

  /** Whether the table's source emits upserts by primary key, to be normalised (upsert-kafka). */
  default boolean sourceEmitsUpserts(Map<String, String> options) {
    return false;
  }

  /** The metadata keys the connector's source can read, with their types. */
  default Map<String, io.weir.common.types.LogicalType> readableMetadata(Map<String, String> options) {
    return Map.of();
  }

  /** Whether the connector knows {@code PARTITIONED BY}: it writes a directory per partition. */
  default boolean supportsPartitioning(Map<String, String> options) {
    return false;
  }

  /** Whether the table's sink can take updates and deletes, not only inserts. */
  boolean sinkAcceptsUpdates(Map<String, String> options);

  /** A connector that accepts neither push-down, nor updates. */
  static ConnectorCapabilities none() {
    return new ConnectorCapabilities() {
      @Override
      public boolean supportsProjectionPushDown(Map<String, String> options) {
        return false;
      }

      @Override
      public boolean supportsFilterPushDown(Map<String, String> options) {
        return false;
      }

      @Override
      public boolean sinkAcceptsUpdates(Map<String, String> options) {
        return false;
      }
    };
  }
}
