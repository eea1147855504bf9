package io.weir.formats.json;

import io.weir.common.types.RowType;
import io.weir.formats.ProjectableFormat;
import io.weir.runtime.format.RowDecoder;
import io.weir.runtime.format.RowEncoder;
import java.util.Map;
import java.util.Set;

/**
 * The {@code json} format: one JSON object per record, fields matched by name. Options (written
 * {@code json.<option>} in a table's WITH clause): {@code fail-on-missing-field}, {@code
 * ignore-parse-errors}, {@code timestamp-format.standard} ({@code SQL} or {@code ISO-8601}), {@code
 * map-null-key.mode} ({@code FAIL}, {@code DROP}, {@code LITERAL}), {@code map-null-key.literal},
 * {@code encode.decimal-as-plain-number}, {@code encode.ignore-null-fields} and {@code
 * decode.json-parser.enabled} (accepted; Weir always uses the streaming parser).
 */
public final class JsonFormatFactory implements ProjectableFormat {

  @Override
  public String identifier() {
    return "json";
  }

  @Override
  public Set<String> optionalOptions() {
    return JsonFormatOptions.ALL;
  }

  @Override
  public RowDecoder createDecoder(RowType type, Map<String, String> formatOptions) {
    return new JsonRowDecoder(type, JsonFormatOptions.parse(formatOptions));
  }

  /** By name, so only the projected fields are converted; the others are skipped unread. */
  @Override
  public RowDecoder createDecoder(RowType physicalType, int[] projection, Map<String, String> formatOptions) {
    return createDecoder(physicalType.project(projection), formatOptions);
  }

  @Override
  public RowEncoder createEncoder(RowType type, Map<String, String> formatOptions) {
    return new JsonRowEncoder(type, JsonFormatOptions.parse(formatOptions));
  }
}
