package io.weir.formats.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** How the JSON-based formats ({@code json}, {@code debezium-json}) describe what they found. */
public final class JsonText {
  private JsonText() {}

  /** {@code malformed JSON at column 12: Unexpected character ...}. */
  public static String malformed(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String where = at == null ? "" : " at column " + at.getColumnNr();
    return "malformed JSON" + where + ": " + e.getOriginalMessage();
  }

  /** The value at token {@code t} as a message shows it: {@code "lots"}, {@code 12}, {@code an object}. */
  public static String found(JsonParser p, JsonToken t) throws IOException {
    if (t == null) {
      return "no value";
    }
    return switch (t) {
      case VALUE_STRING -> quote(Snippets.cut(p.getText(), Snippets.VALUE_LIMIT));
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE, VALUE_NULL ->
          Snippets.cut(p.getText(), Snippets.VALUE_LIMIT);
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      default -> t.name();
    };
  }

  /** Whether a line holds only spaces and tabs (and a {@code \r}): no JSON record at all. */
  public static boolean isBlank(byte[] line, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      byte b = line[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  private static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
