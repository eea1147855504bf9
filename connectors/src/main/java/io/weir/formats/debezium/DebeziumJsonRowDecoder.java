package io.weir.formats.debezium;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.weir.common.data.Row;
import io.weir.common.data.RowKind;
import io.weir.formats.RecordDecoder;
import io.weir.formats.internal.JsonText;
import io.weir.formats.internal.Snippets;
import io.weir.formats.json.EmbeddedJsonRows;
import io.weir.runtime.format.FormatException;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Reads one Debezium change event into the changelog rows it stands for, as Flink does: a create
 * ({@code "op": "c"}) or snapshot read ({@code "r"}) is {@code +I} of "after"; an update ({@code
 * "u"}) is {@code -U} of "before" then {@code +U} of "after"; a delete ({@code "d"}) is {@code -D}
 * of "before". A tombstone (a {@code null} or empty record, which Debezium sends after a delete so
 * that Kafka compaction can drop the key) stands for no row. Other fields ({@code "source"}, {@code
 * "ts_ms"}, …) are skipped unread, as are the fields of "before" and "after" the table lacks.
 */
final class DebeziumJsonRowDecoder implements RecordDecoder {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final String SCHEMA_INCLUDE = "'debezium-json." + DebeziumJsonOptions.SCHEMA_INCLUDE + "'";

  private final EmbeddedJsonRows.Reader rows;
  private final boolean schemaInclude;
  private final boolean ignoreParseErrors;
  private Consumer<String> skipListener = reason -> {};

  DebeziumJsonRowDecoder(EmbeddedJsonRows.Reader rows, DebeziumJsonOptions options) {
    this.rows = rows;
    this.schemaInclude = options.schemaInclude();
    this.ignoreParseErrors = options.ignoreParseErrors();
  }

  @Override
  public void setSkipListener(Consumer<String> listener) {
    this.skipListener = listener;
  }

  /** A blank line of a file is no event (as in {@code json}). */
  @Override
  public boolean isIgnorable(byte[] line, int offset, int length) {
    return JsonText.isBlank(line, offset, length);
  }

  /**
   * Not supported: an update stands for two rows. Call {@link #decode(byte[], int, int, Consumer)}
   * (Flink's Debezium deserializer refuses its single-row method alike).
   */
  @Override
  public Row decode(byte[] record, int offset, int length) {
    throw new UnsupportedOperationException(
        "The 'debezium-json' format turns one record into up to two rows; read it with"
            + " RowDecoder.decode(record, offset, length, out)");
  }

  @Override
  public boolean decode(byte[] record, int offset, int length, Consumer<Row> out) throws FormatException {
    if (record == null || length == 0) {
      return true;
    }
    Event event;
    try (JsonParser p = FACTORY.createParser(record, offset, length)) {
      event = readRecord(p);
      event.check();
    } catch (EventError e) {
      return fail(record, offset, length, e.getMessage());
    } catch (FormatException e) {
      return fail(record, offset, length, e.getMessage());
    } catch (JsonProcessingException e) {
      return fail(record, offset, length, JsonText.malformed(e));
    } catch (IOException e) {
      return fail(record, offset, length, "cannot be read: " + e.getMessage());
    }
    switch (event.op) {
      case "c", "r" -> out.accept(event.after);
      case "u" -> {
        out.accept(event.before.withKind(RowKind.UPDATE_BEFORE));
        out.accept(event.after.withKind(RowKind.UPDATE_AFTER));
      }
      default -> out.accept(event.before.withKind(RowKind.DELETE));
    }
    return true;
  }

  private boolean fail(byte[] record, int offset, int length, String problem) throws FormatException {
    String message =
        "Failed to deserialize Debezium JSON '" + Snippets.record(record, offset, length) + "': " + problem;
    if (ignoreParseErrors) {
      skipListener.accept(message);
      return false;
    }
    throw new FormatException(message);
  }

  /** A change event that is not what the format expects; the message says what is wrong. */
  private static final class EventError extends Exception {
    EventError(String message) {
      super(message, null, false, false);
    }
  }

  /** The fields of one change event that matter, read before any row is handed on. */
  private static final class Event {
    String op;
    Row before;
    Row after;
    /** Whether the object held "schema" and "payload": schema-include was forgotten. */
    boolean sawSchema;
    boolean sawPayload;

    void check() throws EventError {
      if (op == null) {
        throw new EventError(
            "it has no \"op\" field"
                + (sawSchema && sawPayload
                    ? "; it holds \"schema\" and \"payload\", so set " + SCHEMA_INCLUDE + " = 'true'"
                    : ""));
      }
      switch (op) {
        case "c", "r" -> require(after, "after", "a create");
        case "u" -> {
          require(before, "before", "an update");
          require(after, "after", "an update");
        }
        case "d" -> require(before, "before", "a delete");
        default -> throw new EventError(
            "unknown \"op\" value \"" + Snippets.cut(op, Snippets.VALUE_LIMIT)
                + "\"; expected \"c\", \"r\", \"u\" or \"d\"");
      }
    }

    private void require(Row row, String field, String what) throws EventError {
      if (row == null) {
        String hint = field.equals("before")
            ? "; with Debezium's Postgres connector, set the table's REPLICA IDENTITY to FULL so that"
                + " updates and deletes carry the old row"
            : "";
        throw new EventError(
            "\"" + field + "\" of " + what + " (\"op\": \"" + op + "\") is null" + hint);
      }
    }
  }

  private Event readRecord(JsonParser p) throws IOException, EventError, FormatException {
    expectObject(p, p.nextToken(), "the record");
    if (!schemaInclude) {
      return readEvent(p, "");
    }
    Event event = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      if (name.equals("payload")) {
        expectObject(p, t, "\"payload\"");
        event = readEvent(p, "payload.");
      } else {
        p.skipChildren();
      }
    }
    if (event == null) {
      throw new EventError(
          "it has no \"payload\" object, which " + SCHEMA_INCLUDE + " = 'true' expects; set it to"
              + " 'false' for change events without a schema");
    }
    return event;
  }

  /** Reads the event object whose START_OBJECT is the current token; {@code path} prefixes names. */
  private Event readEvent(JsonParser p, String path) throws IOException, EventError, FormatException {
    Event event = new Event();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      switch (name) {
        case "before" -> event.before = readRow(p, t, path + name);
        case "after" -> event.after = readRow(p, t, path + name);
        case "op" -> {
          if (t != JsonToken.VALUE_STRING) {
            throw new EventError("field '" + path + "op': expected a string but found " + JsonText.found(p, t));
          }
          event.op = p.getText();
        }
        default -> {
          event.sawSchema |= name.equals("schema");
          event.sawPayload |= name.equals("payload");
          p.skipChildren();
        }
      }
    }
    return event;
  }

  private Row readRow(JsonParser p, JsonToken t, String path) throws IOException, EventError, FormatException {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    expectObject(p, t, "field '" + path + "'");
    return rows.read(p, path);
  }

  private static void expectObject(JsonParser p, JsonToken t, String what) throws IOException, EventError {
    if (t != JsonToken.START_OBJECT) {
      throw new EventError(what + ": expected a JSON object but found " + JsonText.found(p, t));
    }
  }
}
