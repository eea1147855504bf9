package io.weir.state;

import io.weir.common.config.ConfigOption;
import java.util.List;

/** Configuration options of the state backends, named as in Flink. */
public final class StateOptions {
  private StateOptions() {}

  public static final ConfigOption<StateBackendKind> STATE_BACKEND =
      ConfigOption.enumeration(
          "state.backend",
          StateBackendKind.class,
          StateBackendKind.HEAP,
          "Where keyed state lives: 'heap' (hash maps of objects) or 'rocksdb' (on local disk).");

  /** Every option above. */
  public static List<ConfigOption<?>> all() {
    return List.of(STATE_BACKEND);
  }
}
