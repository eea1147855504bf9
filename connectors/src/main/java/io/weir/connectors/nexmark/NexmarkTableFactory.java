package io.weir.connectors.nexmark;

import io.weir.runtime.connector.SourceFactory;
import io.weir.runtime.connector.TableContext;
import io.weir.runtime.connector.TableSource;
import java.util.Set;

/**
 * The {@code nexmark} connector: the Nexmark benchmark's auction events (people, auctions, bids),
 * generated as Flink's Nexmark suite (github nexmark/nexmark) does, so its DDL and queries q0–q22
 * run unchanged. See the package documentation for the table shape, the options and how events
 * map to ids and times.
 */
public final class NexmarkTableFactory implements SourceFactory {
  static final String IDENTIFIER = "nexmark";

  @Override
  public String identifier() {
    return IDENTIFIER;
  }

  @Override
  public Set<String> requiredOptions() {
    return Set.of();
  }

  @Override
  public Set<String> optionalOptions() {
    return NexmarkOptions.KEYS;
  }

  @Override
  public boolean supportsProjectionPushDown() {
    return true;
  }

  @Override
  public boolean isBounded(TableContext context) {
    NexmarkSchema.check(context.table(), context.physicalType());
    return NexmarkConfig.of(context).isBounded();
  }

  /** Checks the table's columns and options; fixes the base time (now, unless {@code base-time}). */
  @Override
  public TableSource createSource(TableContext context) {
    NexmarkSchema.check(context.table(), context.physicalType());
    NexmarkConfig config = NexmarkConfig.of(context);
    if (config.baseTime() == null) {
      config = config.withBaseTime(System.currentTimeMillis());
    }
    return new NexmarkSource(config, context.readFields());
  }
}
