package io.weir.runtime.connector;

/** A connector that reads a table. */
public interface SourceFactory extends DynamicTableFactory {

  /** Whether the source ends (a file, a fixed number of rows) for these options. */
  boolean isBounded(TableContext context);

  /** Called once per job on the job's planning thread; options have been validated. */
  TableSource createSource(TableContext context);

  /**
   * Whether the source emits upserts: each row the latest value of its primary key ({@code +U}),
   * a delete ({@code -D}) carrying the key; the planner normalises them into a changelog.
   */
  default boolean emitsUpserts() {
    return false;
  }

  /** What the source emits for these options: inserts only, unless its format is a changelog. */
  default io.weir.common.plan.ChangelogMode changelogMode(java.util.Map<String, String> options) {
    return io.weir.common.plan.ChangelogMode.INSERT_ONLY;
  }

  /** Whether the table can be read by key ({@link #createLookup}), for lookup joins. */
  default boolean supportsLookup() {
    return false;
  }

  /**
   * Opens the table for lookups by {@code keyFields} (indexes of the physical row). Called on the
   * task thread that will look up.
   */
  default LookupSource createLookup(TableContext context, java.util.List<Integer> keyFields) {
    throw new io.weir.common.error.WeirException(
        "Connector '" + identifier() + "' of table '" + context.table() + "' does not support lookup joins");
  }
}
