package io.weir.formats.debezium;

import io.weir.common.error.WeirException;
import io.weir.common.plan.ChangelogMode;
import io.weir.common.types.RowType;
import io.weir.formats.ProjectableFormat;
import io.weir.formats.json.EmbeddedJsonRows;
import io.weir.runtime.format.RowDecoder;
import io.weir.runtime.format.RowEncoder;
import java.util.Map;
import java.util.Set;

/**
 * The {@code debezium-json} format: Debezium's change events ({@code {"before": {...}, "after":
 * {...}, "op": "u"}}) read as a changelog and written from one, as Flink does. Options (written
 * {@code debezium-json.<option>}): {@code schema-include}, {@code ignore-parse-errors}, and the
 * {@code json} options {@code timestamp-format.standard}, {@code map-null-key.mode}, {@code
 * map-null-key.literal}, {@code encode.decimal-as-plain-number} and {@code
 * encode.ignore-null-fields}.
 *
 * <p>A record stands for up to two rows, so readers call {@link
 * RowDecoder#decode(byte[], int, int, java.util.function.Consumer)}.
 */
public final class DebeziumJsonFormatFactory implements ProjectableFormat {

  @Override
  public String identifier() {
    return "debezium-json";
  }

  @Override
  public Set<String> optionalOptions() {
    return DebeziumJsonOptions.ALL;
  }

  @Override
  public ChangelogMode changelogMode() {
    return ChangelogMode.ALL;
  }

  @Override
  public RowDecoder createDecoder(RowType type, Map<String, String> formatOptions) {
    DebeziumJsonOptions options = DebeziumJsonOptions.parse(formatOptions);
    return new DebeziumJsonRowDecoder(
        EmbeddedJsonRows.reader(identifier(), type, options.jsonOptions()), options);
  }

  /** By name, as {@code json}: only the projected fields of "before" and "after" are converted. */
  @Override
  public RowDecoder createDecoder(RowType physicalType, int[] projection, Map<String, String> formatOptions) {
    return createDecoder(physicalType.project(projection), formatOptions);
  }

  @Override
  public RowEncoder createEncoder(RowType type, Map<String, String> formatOptions) {
    DebeziumJsonOptions options = DebeziumJsonOptions.parse(formatOptions);
    if (options.schemaInclude()) {
      throw new WeirException(
          "The 'debezium-json' format cannot write a schema: 'debezium-json."
              + DebeziumJsonOptions.SCHEMA_INCLUDE + "' = 'true' is for reading only. Remove it from"
              + " the sink table.");
    }
    return new DebeziumJsonRowEncoder(EmbeddedJsonRows.writer(identifier(), type, options.jsonOptions()));
  }
}
