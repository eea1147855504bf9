package io.weir.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.weir.common.types.RowType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Flink SQL Gateway's REST API (1.20, versions V1–V3) over {@link SessionRegistry}: every route
 * under {@code /v1}, {@code /v2}, {@code /v3} and unversioned (meaning the newest advertised),
 * with Flink's request and response bodies.
 */
final class SqlGatewayRoutes {
  /** Statements configure-session accepts, as in Flink: settings and catalog changes, never queries. */
  private static final Pattern CONFIGURE_STATEMENT = Pattern.compile(
      "^(SET|RESET|CREATE|DROP|ALTER|USE|LOAD|UNLOAD|ADD)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern LEADING_COMMENTS = Pattern.compile("^(\\s|--[^\\n]*(\\n|$)|/\\*.*?\\*/)*", Pattern.DOTALL);

  private final SessionRegistry sessions;
  private final GatewayConfig config;
  private final ScheduledExecutorService timer;
  private final String productVersion;

  SqlGatewayRoutes(SessionRegistry sessions, GatewayConfig config, ScheduledExecutorService timer) {
    this.sessions = sessions;
    this.config = config;
    this.timer = timer;
    String v = SqlGatewayRoutes.class.getPackage().getImplementationVersion();
    this.productVersion = v == null ? "dev" : v;
  }

  /** Registers every route through {@code add(method + " " + path, handler)}. */
  void register(BiConsumer<String, Handler> add) {
    String newest = config.apiVersions().get(config.apiVersions().size() - 1).toLowerCase(Locale.ROOT);
    register(add, "", newest);
    for (String v : config.apiVersions()) {
      String version = v.toLowerCase(Locale.ROOT);
      register(add, "/" + version, version);
    }
  }

  private void register(BiConsumer<String, Handler> add, String prefix, String version) {
    add.accept("GET " + prefix + "/api_versions", ctx -> ok(ctx, Json.write(g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("versions");
      for (String v : config.apiVersions()) {
        g.writeString(v);
      }
      g.writeEndArray();
      g.writeEndObject();
    })));
    add.accept("GET " + prefix + "/info", ctx -> ok(ctx, Json.write(g -> {
      g.writeStartObject();
      g.writeStringField("productName", "Weir");
      g.writeStringField("version", productVersion);
      g.writeEndObject();
    })));
    String session = prefix + "/sessions/{session_handle}";
    String operation = session + "/operations/{operation_handle}";
    add.accept("POST " + prefix + "/sessions", this::openSession);
    add.accept("GET " + session, ctx -> ok(ctx, Json.write(g -> {
      g.writeStartObject();
      g.writeObjectFieldStart("properties");
      for (var e : session(ctx).properties().entrySet()) {
        g.writeStringField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeEndObject();
    })));
    add.accept("DELETE " + session, ctx -> {
      sessions.close(uuid(ctx, "session_handle"));
      ok(ctx, Json.field("status", "CLOSED"));
    });
    add.accept("POST " + session + "/heartbeat", ctx -> {
      session(ctx);
      ok(ctx, "{}");
    });
    if (!version.equals("v1")) {
      add.accept("POST " + session + "/configure-session", this::configureSession);
      add.accept("GET " + session + "/complete-statement", ctx -> {
        session(ctx);
        ObjectNode body = Json.parseObject(ctx.body());
        String statement = Json.text(body, "statement");
        JsonNode position = body.get("position");
        String text = statement == null ? "" : statement;
        int pos = position == null || !position.canConvertToInt() ? text.length() : position.asInt();
        List<String> candidates = StatementCompleter.complete(text, pos, sessions.tableNames());
        ok(ctx, Json.write(g -> {
          g.writeStartObject();
          g.writeArrayFieldStart("candidates");
          for (String c : candidates) {
            g.writeString(c);
          }
          g.writeEndArray();
          g.writeEndObject();
        }));
      });
    }
    add.accept("POST " + session + "/statements", this::executeStatement);
    add.accept("GET " + operation + "/status",
        ctx -> ok(ctx, Json.field("status", operation(ctx).status().name())));
    add.accept("POST " + operation + "/cancel",
        ctx -> ok(ctx, Json.field("status", operation(ctx).cancel().name())));
    add.accept("DELETE " + operation + "/close", ctx -> {
      GatewaySession s = session(ctx);
      s.removeOperation(uuid(ctx, "operation_handle")).close();
      ok(ctx, Json.field("status", "CLOSED"));
    });
    add.accept("GET " + operation + "/result/{token}", ctx -> fetchResults(ctx, version));
  }

  private void openSession(Context ctx) {
    ObjectNode body = Json.parseObject(ctx.body());
    String name = Json.text(body, "sessionName");
    Map<String, String> properties = new LinkedHashMap<>();
    JsonNode props = body.get("properties");
    if (props != null && !props.isNull()) {
      if (!props.isObject()) {
        throw GatewayException.badRequest("Bad request: \"properties\" must be an object of strings, such as"
            + " {\"table.local-time-zone\":\"UTC\"}");
      }
      props.fields().forEachRemaining(e -> properties.put(e.getKey(), e.getValue().isValueNode()
          ? e.getValue().asText() : e.getValue().toString()));
    }
    GatewaySession s = sessions.open(name, properties);
    ok(ctx, Json.field("sessionHandle", s.handle().toString()));
  }

  private void configureSession(Context ctx) {
    GatewaySession s = session(ctx);
    ObjectNode body = Json.parseObject(ctx.body());
    String statement = requiredStatement(body);
    String head = LEADING_COMMENTS.matcher(statement).replaceFirst("");
    if (!CONFIGURE_STATEMENT.matcher(head).find()) {
      throw GatewayException.badRequest("Unsupported statement for configuring session:" + statement.strip()
          + ". configure-session takes SET, RESET, CREATE, DROP, ALTER and USE statements; run other"
          + " statements with POST .../statements.");
    }
    try {
      s.executeNow(statement);
    } catch (RuntimeException e) {
      throw Operation.statementError(e);
    }
    ok(ctx, "{}");
  }

  private void executeStatement(Context ctx) {
    GatewaySession s = session(ctx);
    ObjectNode body = Json.parseObject(ctx.body());
    String statement = requiredStatement(body);
    Duration timeout = effectiveTimeout(body.get("executionTimeout"));
    Map<String, String> overlay = new LinkedHashMap<>();
    JsonNode exec = body.get("executionConfig");
    if (exec != null && exec.isObject()) {
      exec.fields().forEachRemaining(e -> overlay.put(e.getKey(), e.getValue().asText()));
    }
    sessions.checkRoomForStatement();
    Operation op = s.submit(statement, overlay, timeout, timer);
    ok(ctx, Json.field("operationHandle", op.handle().toString()));
  }

  /** The client's timeout (ms; 0 or absent for none), never above the server's. */
  private Duration effectiveTimeout(JsonNode requested) {
    long ms = 0;
    if (requested != null && !requested.isNull()) {
      if (!requested.canConvertToLong() || requested.asLong() < 0) {
        throw GatewayException.badRequest("Bad request: \"executionTimeout\" must be a number of milliseconds (0 for none)"
            + " but was " + requested);
      }
      ms = requested.asLong();
    }
    Duration server = config.statementTimeout();
    Duration client = Duration.ofMillis(ms);
    if (client.isZero()) {
      return server;
    }
    return server.isZero() || client.compareTo(server) < 0 ? client : server;
  }

  private void fetchResults(Context ctx, String version) throws InterruptedException {
    GatewaySession s = session(ctx);
    UUID opHandle = uuid(ctx, "operation_handle");
    Operation op = s.operation(opHandle);
    long token;
    try {
      token = Long.parseLong(ctx.pathParam("token"));
    } catch (NumberFormatException e) {
      throw GatewayException.badRequest("Bad request, could not parse parameters: Cannot resolve path parameter (token)"
          + " from value \"" + ctx.pathParam("token") + "\".");
    }
    ResultJson.RowFormat format = rowFormat(ctx.queryParam("rowFormat"));
    Operation.Page page = op.fetch(token);
    s.touch();
    String base = "/" + version + "/sessions/" + s.handle() + "/operations/" + opHandle + "/result/";
    String query = version.equals("v1") ? "" : "?rowFormat=" + format.name();
    if (page == null) {
      ok(ctx, ResultJson.notReady(base + token + query));
      return;
    }
    StatementOutput out = op.output();
    RowType schema = out.schema;
    ok(ctx, ResultJson.page(page.eos() ? "EOS" : "PAYLOAD", out.isQueryResult, out.jobId, out.resultKind, schema,
        format, page.rows(), s.zone(), page.eos() ? null : base + (token + 1) + query));
  }

  private static ResultJson.RowFormat rowFormat(String param) {
    if (param == null || param.isEmpty()) {
      return ResultJson.RowFormat.JSON;
    }
    try {
      return ResultJson.RowFormat.valueOf(param.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw GatewayException.badRequest("Bad request, could not parse parameters: rowFormat must be JSON or PLAIN_TEXT"
          + " but was \"" + param + "\".");
    }
  }

  private static String requiredStatement(ObjectNode body) {
    String statement = Json.text(body, "statement");
    if (statement == null || statement.isBlank()) {
      throw GatewayException.badRequest("Bad request: the body needs a \"statement\", such as {\"statement\":\"SELECT 1\"}");
    }
    return statement;
  }

  private GatewaySession session(Context ctx) {
    return sessions.get(uuid(ctx, "session_handle"));
  }

  private Operation operation(Context ctx) {
    return session(ctx).operation(uuid(ctx, "operation_handle"));
  }

  static UUID uuid(Context ctx, String param) {
    String value = ctx.pathParam(param);
    try {
      UUID id = UUID.fromString(value);
      if (id.toString().equalsIgnoreCase(value)) {
        return id;
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    throw GatewayException.badRequest("Bad request, could not parse parameters: Cannot resolve path parameter ("
        + param + ") from value \"" + value + "\".");
  }

  static void ok(Context ctx, String json) {
    ctx.status(200);
    ctx.contentType("application/json; charset=UTF-8");
    ctx.result(json);
  }
}
