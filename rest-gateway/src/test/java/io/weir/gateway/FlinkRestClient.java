package io.weir.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Talks to the gateway as Flink's {@code RestClient} does (see the captures): every request, GET
 * and DELETE included, carries a JSON body ({@code {}} when there is nothing to say) and
 * {@code Content-Type: application/json; charset=UTF-8}; result pages are fetched by the token of
 * the previous page's {@code nextResultUri}.
 */
final class FlinkRestClient {
  static final ObjectMapper JSON = new ObjectMapper();

  /** A response: status, raw body, and the body parsed (null when it is not JSON). */
  record Response(int status, String body, JsonNode json, HttpResponse<String> raw) {
    JsonNode get(String field) {
      return json.get(field);
    }

    /**
     * The first element of Flink's {@code errors} array; the body must hold nothing else, or
     * Flink's RestClient fails with "Response was neither of the expected type nor an error".
     */
    String error() {
      java.util.List<String> fields = new java.util.ArrayList<>();
      json.fieldNames().forEachRemaining(fields::add);
      assertEquals(java.util.List.of("errors"), fields, body);
      return json.get("errors").get(0).asText();
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  private final HttpClient http;
  private final String base;
  private final String token;

  FlinkRestClient(HttpClient http, String base, String token) {
    this.http = http;
    this.base = base;
    this.token = token;
  }

  FlinkRestClient(int port) {
    this(HttpClient.newHttpClient(), "http://127.0.0.1:" + port, null);
  }

  FlinkRestClient withToken(String t) {
    return new FlinkRestClient(http, base, t);
  }

  Response send(String method, String path, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json; charset=UTF-8")
        .method(method, HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = null;
      try {
        json = JSON.readTree(r.body());
      } catch (IOException e) {
        // not JSON: left null, the test says what it expected
      }
      return new Response(r.statusCode(), r.body(), json, r);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Response get(String path) {
    return send("GET", path, "{}");
  }

  Response post(String path, Object body) {
    return send("POST", path, body instanceof String s ? s : write(body));
  }

  Response delete(String path) {
    return send("DELETE", path, "{}");
  }

  static String write(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  String openSession(Map<String, String> properties) {
    Response r = post("/v3/sessions", Map.of("sessionName", "test", "properties", properties));
    assertEquals(200, r.status(), r.body());
    return r.get("sessionHandle").asText();
  }

  String submit(String session, String statement) {
    Response r = post("/v3/sessions/" + session + "/statements", Map.of("statement", statement, "executionTimeout", 0));
    assertEquals(200, r.status(), r.body());
    return r.get("operationHandle").asText();
  }

  String resultPath(String session, String op, long token, String format) {
    return "/v3/sessions/" + session + "/operations/" + op + "/result/" + token + "?rowFormat=" + format;
  }

  /** Polls token 0 while NOT_READY, as Flink's client does; returns the first other answer. */
  Response firstPage(String session, String op, String format) {
    for (int i = 0; i < 600; i++) {
      Response r = get(resultPath(session, op, 0, format));
      if (r.status() != 200 || !r.get("resultType").asText().equals("NOT_READY")) {
        return r;
      }
      sleep(100);
    }
    return fail("statement not ready after 600 polls");
  }

  /** The token in a nextResultUri, parsed as Flink's client does: the last path segment. */
  static long nextToken(Response page) {
    String uri = page.get("nextResultUri").asText();
    String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
    return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
  }

  /** Reads every page up to EOS; fails on NOT_READY after the first page. Returns the data rows of all pages. */
  List<JsonNode> readToEnd(String session, String op, String format) {
    List<JsonNode> rows = new ArrayList<>();
    Response page = firstPage(session, op, format);
    while (true) {
      assertEquals(200, page.status(), page.body());
      String type = page.get("resultType").asText();
      assertNotEquals("NOT_READY", type, "NOT_READY after the first page");
      page.get("results").get("data").forEach(rows::add);
      if (type.equals("EOS")) {
        return rows;
      }
      page = get(resultPath(session, op, nextToken(page), format));
    }
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
