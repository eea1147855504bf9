package io.weir.connectors.datagen;

import io.weir.runtime.connector.SourceFactory;
import io.weir.runtime.connector.TableContext;
import io.weir.runtime.connector.TableSource;
import java.util.Set;

/**
 * The {@code datagen} connector: generates rows, random or sequential, per Flink 1.20's options:
 * {@code rows-per-second} (default 10000, for all parallel tasks together), {@code number-of-rows}
 * (bounded when set), {@code scan.parallelism}, and per field {@code fields.<f>.kind} ({@code
 * random} | {@code sequence}), {@code .min}, {@code .max}, {@code .max-past}, {@code .length},
 * {@code .var-len}, {@code .start}, {@code .end}, {@code .null-rate}.
 */
public final class DataGenTableFactory implements SourceFactory {

  @Override
  public String identifier() {
    return "datagen";
  }

  @Override
  public Set<String> requiredOptions() {
    return Set.of();
  }

  @Override
  public Set<String> optionalOptions() {
    return Set.of(
        DataGenOptions.ROWS_PER_SECOND.key(),
        DataGenOptions.NUMBER_OF_ROWS.key(),
        DataGenOptions.SCAN_PARALLELISM.key());
  }

  @Override
  public Set<String> optionPrefixes() {
    return Set.of(DataGenOptions.FIELDS);
  }

  @Override
  public boolean supportsProjectionPushDown() {
    return true;
  }

  @Override
  public boolean isBounded(TableContext context) {
    return DataGenPlan.of(context).isBounded();
  }

  @Override
  public TableSource createSource(TableContext context) {
    return new DataGenSource(DataGenPlan.of(context), context.readFields());
  }
}
