package io.weir.formats.csv;

import io.weir.common.types.RowType;
import io.weir.formats.ProjectableFormat;
import io.weir.runtime.format.RowDecoder;
import io.weir.runtime.format.RowEncoder;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The {@code csv} format: one record per line (a quoted field may span lines), fields by position.
 * Options (written {@code csv.<option>}): {@code field-delimiter} (default {@code ,}), {@code
 * quote-character} (default {@code "}), {@code disable-quote-character}, {@code allow-comments}
 * (lines starting with {@code #} are skipped), {@code ignore-parse-errors}, {@code null-literal},
 * {@code escape-character}, {@code array-element-delimiter} (default {@code ;}) and {@code
 * write-bigdecimal-in-scientific-notation} (default true).
 */
public final class CsvFormatFactory implements ProjectableFormat {

  @Override
  public String identifier() {
    return "csv";
  }

  @Override
  public Set<String> optionalOptions() {
    return CsvFormatOptions.ALL;
  }

  @Override
  public RowDecoder createDecoder(RowType type, Map<String, String> formatOptions) {
    return createDecoder(type, IntStream.range(0, type.arity()).toArray(), formatOptions);
  }

  @Override
  public RowDecoder createDecoder(RowType physicalType, int[] projection, Map<String, String> formatOptions) {
    return new CsvRowDecoder(physicalType, projection, CsvFormatOptions.parse(formatOptions));
  }

  @Override
  public RowEncoder createEncoder(RowType type, Map<String, String> formatOptions) {
    return new CsvRowEncoder(type, CsvFormatOptions.parse(formatOptions));
  }
}
