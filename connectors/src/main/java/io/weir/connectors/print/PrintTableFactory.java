package io.weir.connectors.print;

import io.weir.common.config.ConfigOption;
import io.weir.connectors.internal.TableOptions;
import io.weir.runtime.connector.SinkFactory;
import io.weir.runtime.connector.TableContext;
import io.weir.runtime.connector.TableSink;
import java.util.Set;

/**
 * The {@code print} connector: writes every row, of any kind, to standard output as Flink 1.20
 * does. Options: {@code print-identifier} (a prefix), {@code standard-error} (print to standard error
 * instead), {@code sink.parallelism}.
 */
public final class PrintTableFactory implements SinkFactory {
  static final ConfigOption<String> PRINT_IDENTIFIER =
      ConfigOption.string("print-identifier", null, "Prefix of every printed row.");
  static final ConfigOption<Boolean> STANDARD_ERROR =
      ConfigOption.bool("standard-error", false, "Print to standard error instead of standard output.");
  static final ConfigOption<Integer> SINK_PARALLELISM =
      ConfigOption.integer("sink.parallelism", null, "Parallelism of the sink; read by the planner.");

  @Override
  public boolean acceptsUpdates() {
    return true;
  }

  @Override
  public String identifier() {
    return "print";
  }

  @Override
  public Set<String> requiredOptions() {
    return Set.of();
  }

  @Override
  public Set<String> optionalOptions() {
    return Set.of(PRINT_IDENTIFIER.key(), STANDARD_ERROR.key(), SINK_PARALLELISM.key());
  }

  @Override
  public TableSink createSink(TableContext context) {
    TableOptions options = TableOptions.of(context, "print");
    options.get(SINK_PARALLELISM);
    PrintRowFormatter formatter = new PrintRowFormatter(context.physicalType().types());
    String identifier = options.get(PRINT_IDENTIFIER);
    boolean stdErr = options.get(STANDARD_ERROR);
    return sinkContext -> new PrintSinkWriter(identifier, stdErr, formatter, sinkContext);
  }
}
