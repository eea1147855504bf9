package io.weir.gateway;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** Writes response bodies field by field (Flink's clients expect a fixed field order) and reads request bodies. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  interface Writer {
    void write(JsonGenerator g) throws IOException;
  }

  static String write(Writer writer) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
      writer.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** {@code {"name":"value"}}. */
  static String field(String name, String value) {
    return write(g -> {
      g.writeStartObject();
      g.writeStringField(name, value);
      g.writeEndObject();
    });
  }

  /**
   * A request body as an object: an empty body counts as {@code {}} (Flink's clients send {@code {}}
   * even with GET and DELETE, and curl users send nothing).
   */
  static ObjectNode parseObject(String body) {
    if (body == null || body.isBlank()) {
      return MAPPER.createObjectNode();
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw GatewayException.badRequest("Bad request, could not parse the request body as JSON: "
          + e.getOriginalMessage());
    } catch (IOException e) {
      throw GatewayException.badRequest("Bad request, could not read the request body: " + e.getMessage());
    }
    if (!(node instanceof ObjectNode object)) {
      throw GatewayException.badRequest("Bad request: the request body must be a JSON object, such as {\"statement\":\"SELECT 1\"}");
    }
    return object;
  }

  /** A field as text: numbers and booleans are coerced, as Flink does; null when absent or null. */
  static String text(ObjectNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isContainerNode()) {
      throw GatewayException.badRequest("Bad request: field '" + field + "' must be a string but was " + n);
    }
    return n.asText();
  }
}
