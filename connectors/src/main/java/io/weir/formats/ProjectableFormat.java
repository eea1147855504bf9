package io.weir.formats;

import io.weir.common.types.RowType;
import io.weir.runtime.format.FormatFactory;
import io.weir.runtime.format.RowDecoder;
import java.util.Map;

/**
 * A format that can decode only some fields of a record. A by-name format (JSON) skips the other
 * fields' values; a positional one (CSV) still has to find every position but builds only the
 * fields asked for.
 *
 * <p>This extends the runtime's {@link FormatFactory} inside the connectors module, because {@link
 * FormatFactory#createDecoder} is told only the type it must produce, which a positional format
 * cannot decode without the full physical type.
 */
public interface ProjectableFormat extends FormatFactory {

  /**
   * A decoder producing rows of {@code physicalType.project(projection)} from records that hold
   * every field of {@code physicalType}.
   */
  RowDecoder createDecoder(RowType physicalType, int[] projection, Map<String, String> formatOptions);
}
