package io.weir.runtime.format;

import io.weir.common.plan.ChangelogMode;
import io.weir.common.types.RowType;
import java.util.Map;
import java.util.Set;

/**
 * A serialisation format ({@code json}, {@code csv}), found through {@link java.util.ServiceLoader}
 * by the table's {@code format} option. Its options are written with the format's identifier as
 * prefix ({@code 'json.ignore-parse-errors' = 'true'}); the factory sees them without the prefix.
 */
public interface FormatFactory {

  String identifier();

  /** Option keys without the prefix, e.g. {@code ignore-parse-errors}. */
  Set<String> optionalOptions();

  RowDecoder createDecoder(RowType type, Map<String, String> formatOptions);

  RowEncoder createEncoder(RowType type, Map<String, String> formatOptions);

  /**
   * The row kinds the format's records stand for, read or written: insert-only for most formats;
   * every kind for a changelog format ({@code debezium-json}), whose decoder turns one record into
   * several rows through {@link RowDecoder#decode(byte[], int, int, java.util.function.Consumer)}.
   */
  default ChangelogMode changelogMode() {
    return ChangelogMode.INSERT_ONLY;
  }
}
