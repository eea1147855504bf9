package io.weir.formats.debezium;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.weir.common.data.Row;
import io.weir.formats.json.EmbeddedJsonRows;
import io.weir.runtime.format.RowEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes a changelog row as a Debezium change event, as Flink does: {@code +I} and {@code +U} as a
 * create ({@code {"before":null,"after":{...},"op":"c"}}), {@code -U} and {@code -D} as a delete
 * ({@code {"before":{...},"after":null,"op":"d"}}). An update thus becomes a delete and a create:
 * Debezium's single {@code "u"} event would need both rows at once.
 */
final class DebeziumJsonRowEncoder implements RowEncoder {
  private final JsonFactory factory = new JsonFactory();
  private final ByteArrayBuilder buffer = new ByteArrayBuilder(256);
  private final EmbeddedJsonRows.Writer rows;

  DebeziumJsonRowEncoder(EmbeddedJsonRows.Writer rows) {
    this.rows = rows;
  }

  @Override
  public byte[] encode(Row row) {
    buffer.reset();
    boolean adds = row.kind().isAccumulate();
    try (JsonGenerator g = factory.createGenerator(buffer)) {
      g.writeStartObject();
      g.writeFieldName("before");
      writeOrNull(g, adds ? null : row);
      g.writeFieldName("after");
      writeOrNull(g, adds ? row : null);
      g.writeStringField("op", adds ? "c" : "d");
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not serialize row " + row + " as Debezium JSON", e);
    }
    return buffer.toByteArray();
  }

  private void writeOrNull(JsonGenerator g, Row row) throws IOException {
    if (row == null) {
      g.writeNull();
    } else {
      rows.write(g, row);
    }
  }
}
