package io.weir.engine;

import io.weir.checkpointing.CheckpointOptions;
import io.weir.checkpointing.CheckpointStorage;
import io.weir.checkpointing.CompletedCheckpoint;
import io.weir.common.config.ConfigOption;
import io.weir.common.config.Configuration;
import io.weir.common.config.CoreOptions;
import io.weir.common.data.Row;
import io.weir.common.error.SqlException;
import io.weir.common.error.WeirException;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import io.weir.planner.PlannedStatement;
import io.weir.planner.Planner;
import io.weir.planner.catalog.CatalogFunction;
import io.weir.planner.catalog.CatalogObject;
import io.weir.planner.catalog.CatalogTable;
import io.weir.planner.catalog.CatalogView;
import io.weir.runtime.connector.FactoryUtil;
import io.weir.runtime.job.Job;
import io.weir.sql.parser.WeirSqlParser;
import io.weir.sql.parser.ddl.SqlCreateFunction;
import io.weir.sql.parser.ddl.SqlCreateTable;
import io.weir.sql.parser.ddl.SqlCreateView;
import io.weir.sql.parser.ddl.SqlDropFunction;
import io.weir.sql.parser.ddl.SqlDropTable;
import io.weir.sql.parser.ddl.SqlDropView;
import io.weir.sql.parser.ddl.SqlReset;
import io.weir.sql.parser.ddl.SqlSet;
import io.weir.sql.parser.ddl.SqlStopJob;
import io.weir.sql.parser.dql.SqlRichDescribeTable;
import io.weir.sql.parser.dql.SqlRichExplain;
import io.weir.sql.parser.dql.SqlShowCreateTable;
import io.weir.sql.parser.dql.SqlShowFunctions;
import io.weir.sql.parser.dql.SqlShowJobs;
import io.weir.sql.parser.dql.SqlShowTables;
import io.weir.sql.parser.dql.SqlShowViews;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

/**
 * One user's conversation with the engine: their settings ({@code SET}), and the statements they
 * run. The shell and the gateway call {@link #execute(String)}; nothing else. Not thread-safe: one
 * session serves one client at a time.
 */
public final class Session {
  /** Rows a query may buffer for a slow client before its job waits. */
  private static final int RESULT_BUFFER_ROWS = 10_000;

  private final Engine engine;
  private final Configuration defaults;
  private final Configuration config;
  private DdlPolicy ddlPolicy = DdlPolicy.ALLOW_ALL;
  private int resultBufferRows = RESULT_BUFFER_ROWS;

  Session(Engine engine, Configuration defaults) {
    this.engine = engine;
    this.defaults = defaults;
    this.config = defaults.copy();
  }

  public Engine engine() {
    return engine;
  }

  /** Installs the policy that checks this session's CREATE TABLE options and SET values. */
  public void setDdlPolicy(DdlPolicy policy) {
    this.ddlPolicy = java.util.Objects.requireNonNull(policy, "policy");
  }

  /**
   * How many rows each query of this session buffers for its client before its job waits (the
   * back-pressure bound of a client that stops reading).
   */
  public void setResultBufferRows(int rows) {
    if (rows <= 0) {
      throw new IllegalArgumentException("result buffer rows must be positive but was " + rows);
    }
    this.resultBufferRows = rows;
  }

  /** The session's settings; {@code SET} changes them. */
  public Configuration config() {
    return config;
  }

  /**
   * Parses and executes one statement.
   *
   * @throws SqlException when it cannot be parsed or validated (with line and column)
   * @throws WeirException when it is valid but cannot be executed
   */
  public StatementResult execute(String statement) {
    return execute(WeirSqlParser.parseStatement(statement), statement);
  }

  /**
   * Runs every statement of a script in order, handing each result to {@code onResult} before the
   * next statement starts (so a query's rows can be consumed first). The whole script is parsed
   * first, so a syntax error anywhere stops it before anything runs; positions are relative to
   * the script.
   */
  public void executeScript(String script, Consumer<StatementResult> onResult) {
    for (SqlNode statement : WeirSqlParser.parseScript(script)) {
      onResult.accept(execute(statement, Scripts.slice(script, statement.getParserPosition())));
    }
  }

  /** Runs one parsed statement whose text is {@code text}; DDL is saved to the state directory. */
  StatementResult execute(SqlNode node, String text) {
    StatementResult result = node instanceof SqlInsert insert ? insert(insert, text, null) : dispatch(node);
    if (node instanceof SqlCreateTable || node instanceof SqlCreateView || node instanceof SqlDropTable
        || node instanceof SqlDropView || node instanceof SqlCreateFunction || node instanceof SqlDropFunction) {
      engine.catalogChanged();
    }
    return result;
  }

  /**
   * Starts again a job the state directory kept: runs the SET statements of its script, then its
   * INSERT with the same job id, from the job's latest checkpoint (or, if it took none, from where
   * it started).
   */
  void resume(String jobId, String script) {
    List<SqlNode> statements = WeirSqlParser.parseScript(script);
    for (SqlNode statement : statements) {
      if (statement instanceof SqlInsert insert) {
        insert(insert, Scripts.slice(script, statement.getParserPosition()), jobId);
      } else {
        dispatch(statement);
      }
    }
  }

  private StatementResult dispatch(SqlNode node) {
    if (node instanceof SqlCreateTable ddl) {
      return createTable(ddl);
    }
    if (node instanceof SqlCreateView ddl) {
      CatalogView view = planner().resolveView(ddl);
      boolean created = engine.catalog().create(view, ddl.ifNotExists());
      return ok(created ? "View '" + view.name() + "' created." : "View '" + view.name() + "' already exists; nothing changed.");
    }
    if (node instanceof SqlDropTable drop) {
      String name = Planner.simpleName(drop.name());
      boolean dropped = engine.catalog().drop(name, false, drop.ifExists());
      return ok(dropped ? "Table '" + name + "' dropped." : "Table '" + name + "' does not exist; nothing changed.");
    }
    if (node instanceof SqlDropView drop) {
      String name = Planner.simpleName(drop.name());
      boolean dropped = engine.catalog().drop(name, true, drop.ifExists());
      return ok(dropped ? "View '" + name + "' dropped." : "View '" + name + "' does not exist; nothing changed.");
    }
    if (node instanceof SqlCreateFunction ddl) {
      CatalogFunction function = planner().resolveFunction(ddl);
      boolean created = engine.catalog().createFunction(function, ddl.ifNotExists());
      return ok(created ? "Function '" + function.name() + "' created."
          : "Function '" + function.name() + "' already exists; nothing changed.");
    }
    if (node instanceof SqlDropFunction drop) {
      String name = Planner.simpleName(drop.name());
      boolean dropped = engine.catalog().dropFunction(name, drop.ifExists());
      return ok(dropped ? "Function '" + name + "' dropped." : "Function '" + name + "' does not exist; nothing changed.");
    }
    if (node instanceof SqlShowTables) {
      return singleColumn("table name", engine.catalog().tableNames());
    }
    if (node instanceof SqlShowViews) {
      return singleColumn("view name", engine.catalog().viewNames());
    }
    if (node instanceof SqlShowFunctions) {
      return singleColumn("function name", planner().functionNames());
    }
    if (node instanceof SqlShowJobs) {
      return showJobs();
    }
    if (node instanceof io.weir.sql.parser.ddl.SqlUse || node instanceof io.weir.sql.parser.dql.SqlShowCatalogs
        || node instanceof io.weir.sql.parser.dql.SqlShowDatabases
        || node instanceof io.weir.sql.parser.dql.SqlShowCurrentCatalog
        || node instanceof io.weir.sql.parser.dql.SqlShowCurrentDatabase) {
      return CatalogStatements.execute(node);
    }
    if (node instanceof SqlShowCreateTable show) {
      CatalogObject o = lookup(show.name());
      return new StatementResult.TextResult(DdlPrinter.print(o));
    }
    if (node instanceof SqlRichDescribeTable describe) {
      return Describe.describe(lookup(describe.name()));
    }
    if (node instanceof SqlRichExplain explain) {
      return new StatementResult.TextResult(planner().explain(explain.statement(), config));
    }
    if (node instanceof SqlSet set) {
      return set(set);
    }
    if (node instanceof SqlReset reset) {
      if (reset.key().isPresent()) {
        String key = reset.key().get();
        if (defaults.getRaw(key) != null) {
          config.set(key, defaults.getRaw(key));
        } else {
          config.remove(key);
        }
      } else {
        config.clear();
        defaults.toMap().forEach(config::set);
      }
      return ok("Execute statement succeeded.");
    }
    if (node instanceof SqlStopJob stop) {
      Job job = engine.job(stop.jobId()).orElseThrow(() -> new WeirException("Job '" + stop.jobId() + "' does not exist"));
      if (stop.withSavepoint()) {
        return stopWithSavepoint(job);
      }
      job.cancel();
      return ok("The job '" + stop.jobId() + "' has been stopped.");
    }
    if (node.getKind().belongsTo(SqlKind.QUERY)) {
      return query(node);
    }
    throw new SqlException("Statement '" + node.getKind() + "' is not supported", node.getParserPosition().getLineNum(),
        node.getParserPosition().getColumnNum(), node.getParserPosition().getEndLineNum(),
        node.getParserPosition().getEndColumnNum(), null);
  }

  private Planner planner() {
    return engine.planner();
  }

  private static StatementResult ok(String message) {
    return new StatementResult.Ack(message);
  }

  private CatalogObject lookup(SqlIdentifier id) {
    String name = Planner.simpleName(id);
    return engine.catalog().get(name).orElseThrow(() -> new SqlException(
        String.format("SQL validation error at line %d, column %d: Table or view '%s' does not exist",
            id.getParserPosition().getLineNum(), id.getParserPosition().getColumnNum(), name),
        id.getParserPosition().getLineNum(), id.getParserPosition().getColumnNum(),
        id.getParserPosition().getEndLineNum(), id.getParserPosition().getEndColumnNum(), null));
  }

  private StatementResult createTable(SqlCreateTable ddl) {
    CatalogTable table = planner().resolveTable(ddl);
    ddlPolicy.checkTableOptions(table.name(), table.options());
    FactoryUtil.validate(table.name(), table.options());
    boolean created = engine.catalog().create(table, ddl.ifNotExists());
    return ok(created ? "Table '" + table.name() + "' created." : "Table '" + table.name() + "' already exists; nothing changed.");
  }

  private StatementResult set(SqlSet set) {
    if (set.key().isEmpty()) {
      List<Row> rows = new ArrayList<>();
      for (Map.Entry<String, String> e : new java.util.TreeMap<>(config.toMap()).entrySet()) {
        rows.add(Row.of(e.getKey(), e.getValue()));
      }
      return new StatementResult.TableResult(
          RowType.builder().add("key", LogicalType.string()).add("value", LogicalType.string()).build(), rows);
    }
    String key = set.key().get();
    String value = set.value().orElseThrow(() -> new WeirException("SET '" + key + "' needs a value: SET '" + key + "' = '...'"));
    for (ConfigOption<?> option : KnownOptions.all()) {
      if (option.key().equals(key)) {
        option.parse(value);
      }
    }
    ddlPolicy.checkSetting(key, value);
    config.set(key, value);
    return ok("Execute statement succeeded.");
  }

  private StatementResult stopWithSavepoint(Job job) {
    String configured = config.get(CheckpointOptions.SAVEPOINT_DIRECTORY);
    java.nio.file.Path dir = configured.isEmpty() ? engine.defaultSavepointDirectory() : java.nio.file.Path.of(configured);
    CompletedCheckpoint savepoint;
    try {
      savepoint = job.stopWithSavepoint(dir).get(config.get(CheckpointOptions.TIMEOUT).toMillis(),
          java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new WeirException("Could not stop job '" + job.id() + "' with a savepoint: " + e.getCause().getMessage()
          + ". The job keeps running.", e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new WeirException("The savepoint of job '" + job.id() + "' did not complete within "
          + config.get(CheckpointOptions.TIMEOUT) + ". The job keeps running.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WeirException("Interrupted while stopping job '" + job.id() + "'");
    }
    return singleColumn("savepoint path", List.of(savepoint.directory().toString()));
  }

  private StatementResult showJobs() {
    List<Row> rows = new ArrayList<>();
    for (Job j : engine.jobs()) {
      CompletedCheckpoint last = j.lastCheckpoint();
      rows.add(Row.of(j.id(), j.name(), j.status().name(), j.startTime().toString(),
          j.metrics().lateRowsDropped(), j.metrics().skippedRecords(), (long) j.restarts(),
          last == null ? null : last.directory().toString(), j.metrics().rowsRead(), j.metrics().rowsWritten()));
    }
    return new StatementResult.TableResult(RowType.builder()
        .add("job id", LogicalType.string())
        .add("job name", LogicalType.string())
        .add("status", LogicalType.string())
        .add("start time", LogicalType.string())
        .add("late rows dropped", LogicalType.bigint())
        .add("records skipped", LogicalType.bigint())
        .add("restarts", LogicalType.bigint())
        .add("last checkpoint", LogicalType.string())
        .add("rows read", LogicalType.bigint())
        .add("rows written", LogicalType.bigint())
        .build(), rows);
  }

  private static StatementResult singleColumn(String column, List<String> values) {
    List<Row> rows = new ArrayList<>();
    for (String v : values) {
      rows.add(Row.of(v));
    }
    return new StatementResult.TableResult(RowType.builder().add(column, LogicalType.string()).build(), rows);
  }

  private static String newJobId() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  /**
   * @param resumeId the id of a job resumed from the state directory, or null for a new job
   */
  private StatementResult insert(SqlInsert insert, String text, String resumeId) {
    PlannedStatement plan = planner().planInsert(insert, config);
    String target = insert.getTargetTable().toString();
    String jobId = resumeId != null ? resumeId : newJobId();
    CompletedCheckpoint restore = restorePoint();
    if (resumeId != null) {
      try {
        var latest = new CheckpointStorage(Job.checkpointDirectory(config, engine.checkpointRoot(), jobId)).latest();
        if (latest.isPresent()) {
          restore = latest.get();
        }
      } catch (java.io.IOException e) {
        throw new WeirException("Cannot read the checkpoints of job '" + jobId + "': " + e.getMessage(), e);
      }
    }
    Job job = Job.start(jobId, "insert-into_" + target, plan.graph(), config.copy(), id -> {
      throw new IllegalStateException("an INSERT has no query result");
    }, engine.checkpointRoot(), restore);
    engine.register(job);
    engine.persist(job, Scripts.settings(config.toMap(), defaults.toMap()) + text.strip() + ";\n");
    if (!config.get(CoreOptions.DML_SYNC)) {
      return new StatementResult.JobResult(job, false);
    }
    try {
      job.termination().get();
    } catch (InterruptedException e) {
      // The caller gave up waiting (the gateway cancels the statement, or its session ends): a
      // statement that is abandoned must not leave its job running.
      job.cancel();
      Thread.currentThread().interrupt();
      throw new WeirException("Interrupted while waiting for job " + job.id() + "; the job was cancelled");
    } catch (java.util.concurrent.ExecutionException | RuntimeException e) {
      throw new WeirException("Waiting for job " + job.id() + " failed: " + e.getMessage(), e);
    }
    if (job.failure() != null) {
      throw job.failure() instanceof WeirException w ? w : new WeirException(job.failure().getMessage(), job.failure());
    }
    return new StatementResult.JobResult(job, true);
  }

  /** The savepoint or checkpoint {@code execution.savepoint.path} names, or null. */
  private CompletedCheckpoint restorePoint() {
    String path = config.get(CheckpointOptions.SAVEPOINT_PATH);
    if (path.isEmpty()) {
      return null;
    }
    try {
      return CheckpointStorage.load(java.nio.file.Path.of(path));
    } catch (java.io.IOException e) {
      throw new WeirException("Cannot start from 'execution.savepoint.path' = '" + path + "': " + e.getMessage(), e);
    }
  }

  private StatementResult query(SqlNode query) {
    String resultId = UUID.randomUUID().toString();
    PlannedStatement plan = planner().planQuery(query, config, resultId);
    ResultStream stream = new ResultStream(resultBufferRows);
    Job job = Job.start(newJobId(), "collect", plan.graph(), config.copy(), id -> stream);
    stream.attach(job);
    engine.register(job);
    return new StatementResult.QueryResult(plan.resultType(), stream, job);
  }

  /** Waits for a result's rows in tests and scripts: every row of a bounded query, in order. */
  public static List<Row> collectAll(StatementResult.QueryResult result, Duration timeout) throws InterruptedException {
    List<Row> rows = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!result.stream().isEnd()) {
      if (System.nanoTime() > deadline) {
        result.stream().close();
        throw new WeirException("Query did not finish within " + timeout);
      }
      rows.addAll(result.stream().poll(Duration.ofMillis(100)));
    }
    if (result.stream().failure() != null) {
      Throwable f = result.stream().failure();
      throw f instanceof WeirException w ? w : new WeirException(f.getMessage(), f);
    }
    return rows;
  }
}
