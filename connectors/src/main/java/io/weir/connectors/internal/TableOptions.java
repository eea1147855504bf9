package io.weir.connectors.internal;

import io.weir.common.config.ConfigOption;
import io.weir.common.error.WeirException;
import io.weir.runtime.connector.TableContext;
import java.util.Map;

/** A table's WITH options read through typed {@link ConfigOption}s, with errors naming the table. */
public final class TableOptions {
  private final String table;
  private final String connector;
  private final Map<String, String> options;

  private TableOptions(String table, String connector, Map<String, String> options) {
    this.table = table;
    this.connector = connector;
    this.options = options;
  }

  public static TableOptions of(TableContext context, String connector) {
    return new TableOptions(context.table(), connector, context.options());
  }

  public String table() {
    return table;
  }

  public Map<String, String> map() {
    return options;
  }

  public boolean contains(String key) {
    return options.containsKey(key);
  }

  /** The option's value, or its default when absent. */
  public <T> T get(ConfigOption<T> option) {
    String raw = options.get(option.key());
    if (raw == null) {
      return option.defaultValue();
    }
    try {
      return option.parse(raw);
    } catch (IllegalArgumentException e) {
      throw error(e.getMessage());
    }
  }

  /** An error about this table: {@code Table 't' (connector 'datagen'): <message>}. */
  public WeirException error(String message) {
    return new WeirException("Table '" + table + "' (connector '" + connector + "'): " + message);
  }
}
