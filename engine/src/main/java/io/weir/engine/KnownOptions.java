package io.weir.engine;

import io.weir.common.config.ConfigOption;
import io.weir.common.config.CoreOptions;
import java.util.ArrayList;
import java.util.List;

/** Options {@code SET} checks the value of; any other key is stored as given, as in Flink. */
public final class KnownOptions {
  private KnownOptions() {}

  /** The keys of every option {@code SET} checks, for a client's completion. */
  public static List<String> keys() {
    return all().stream().map(ConfigOption::key).toList();
  }

  static List<ConfigOption<?>> all() {
    List<ConfigOption<?>> all = new ArrayList<>(CoreOptions.all());
    all.addAll(io.weir.state.StateOptions.all());
    all.addAll(io.weir.checkpointing.CheckpointOptions.all());
    return all;
  }
}
