package io.weir.connectors.blackhole;

import io.weir.runtime.connector.SinkFactory;
import io.weir.runtime.connector.SinkWriter;
import io.weir.runtime.connector.TableContext;
import io.weir.runtime.connector.TableSink;
import java.util.Set;

/** The {@code blackhole} connector: a sink that discards every row, for benchmarks. No options. */
public final class BlackHoleTableFactory implements SinkFactory {
  private static final SinkWriter DISCARD = row -> {};

  @Override
  public boolean acceptsUpdates() {
    return true;
  }

  @Override
  public String identifier() {
    return "blackhole";
  }

  @Override
  public Set<String> requiredOptions() {
    return Set.of();
  }

  @Override
  public Set<String> optionalOptions() {
    // The planner reads sink.parallelism; benchmarks use it to put an exchange before the sink.
    return Set.of("sink.parallelism");
  }

  @Override
  public TableSink createSink(TableContext context) {
    return sinkContext -> DISCARD;
  }
}
