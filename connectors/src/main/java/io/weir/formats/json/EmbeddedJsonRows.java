package io.weir.formats.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import io.weir.common.data.Row;
import io.weir.common.types.RowType;
import io.weir.runtime.format.FormatException;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * Rows read and written as JSON objects inside a larger JSON document, for formats that wrap each
 * row in an envelope ({@code debezium-json}: {@code {"before": {...}, "after": {...}, "op": "u"}}).
 * Values convert exactly as in the {@code json} format.
 */
public final class EmbeddedJsonRows {
  /**
   * The {@code json} options a wrapping format accepts under its own prefix, as Flink's do: {@code
   * debezium-json.timestamp-format.standard} and the like.
   */
  public static final Set<String> OPTIONS =
      Set.of(
          JsonFormatOptions.TIMESTAMP_FORMAT, JsonFormatOptions.MAP_NULL_KEY_MODE,
          JsonFormatOptions.MAP_NULL_KEY_LITERAL, JsonFormatOptions.ENCODE_DECIMAL_AS_PLAIN_NUMBER,
          JsonFormatOptions.ENCODE_IGNORE_NULL_FIELDS);

  private EmbeddedJsonRows() {}

  /** Reads one row object; one instance per reader, not thread-safe. */
  public interface Reader {
    /**
     * Reads the object whose START_OBJECT is {@code p}'s current token, up to its END_OBJECT.
     *
     * @param path the object's place in the document (e.g. {@code after}), prefixing the field a
     *     message names: {@code field 'after.amount': expected INT but found "lots"}
     * @throws FormatException when a value does not fit its column
     */
    Row read(JsonParser p, String path) throws IOException, FormatException;
  }

  /** Writes one row object; one instance per writer, not thread-safe. */
  public interface Writer {
    void write(JsonGenerator g, Row row) throws IOException;
  }

  /**
   * A reader of {@code type}'s rows.
   *
   * @param format the wrapping format, naming the options in messages
   * @param options the keys of {@link #OPTIONS} that the table sets, without the prefix
   */
  public static Reader reader(String format, RowType type, Map<String, String> options) {
    return new JsonRowDecoder(type, JsonFormatOptions.parse(format, options));
  }

  /** A writer of {@code type}'s rows; the arguments are as for {@link #reader}. */
  public static Writer writer(String format, RowType type, Map<String, String> options) {
    return new JsonRowEncoder(type, JsonFormatOptions.parse(format, options));
  }
}
