package io.weir.planner;

import io.weir.common.error.SqlException;
import io.weir.common.error.WeirException;
import io.weir.common.plan.ExprSpec;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import io.weir.common.types.TypeRoot;
import io.weir.planner.calcite.RexToExprSpec;
import io.weir.planner.calcite.TypeConverter;
import io.weir.planner.calcite.WeirOperatorTable;
import io.weir.planner.calcite.WeirTable;
import io.weir.planner.calcite.WeirTypeSystem;
import io.weir.planner.calcite.WeirViewTable;
import io.weir.planner.catalog.Catalog;
import io.weir.planner.catalog.CatalogObject;
import io.weir.planner.catalog.CatalogTable;
import io.weir.planner.catalog.CatalogView;
import io.weir.planner.physical.PhysicalConverter;
import io.weir.planner.physical.StreamPhysicalRel;
import io.weir.planner.translate.PlanPrinter;
import io.weir.planner.translate.StreamGraphTranslator;
import io.weir.sql.parser.WeirSqlConformance;
import io.weir.sql.parser.WeirSqlParser;
import io.weir.sql.parser.ddl.SqlComputedColumn;
import io.weir.sql.parser.ddl.SqlCreateTable;
import io.weir.sql.parser.ddl.SqlCreateView;
import io.weir.sql.parser.ddl.SqlMetadataColumn;
import io.weir.sql.parser.ddl.SqlPhysicalColumn;
import io.weir.sql.parser.ddl.SqlTableColumn;
import io.weir.sql.parser.ddl.SqlWatermark;
import io.weir.sql.parser.type.SqlTypeSpecs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.schema.Table;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * Turns parsed statements into catalog objects and runnable plans, with Calcite: validation
 * (unknown tables, columns and functions are errors with positions), conversion to relational
 * algebra, rule-based rewriting, physical stream nodes, and finally a {@link
 * io.weir.common.plan.StreamGraph}.
 *
 * <p>Thread-safe: every statement gets its own Calcite objects; the catalog is concurrent.
 */
public final class Planner {
  private static final String SCRATCH_TABLE = "__weir_row__";

  private final Catalog catalog;
  private final ConnectorCapabilities capabilities;
  /**
   * Character types use UTF-16, as Flink's type factory does: with Calcite's default (ISO-8859-1)
   * a literal outside Latin-1 ({@code '日本語'}) fails to plan.
   */
  private final JavaTypeFactoryImpl typeFactory = new JavaTypeFactoryImpl(WeirTypeSystem.INSTANCE) {
    @Override
    public java.nio.charset.Charset getDefaultCharset() {
      return java.nio.charset.StandardCharsets.UTF_16LE;
    }
  };
  private final SqlOperatorTable operators;

  /**
   * @param runtimeFunctions the names (upper case) of the scalar functions the runtime evaluates;
   *     calls of any other scalar function are validation errors
   */
  public Planner(Catalog catalog, ConnectorCapabilities capabilities, java.util.function.Predicate<String> runtimeFunctions) {
    this.catalog = catalog;
    this.capabilities = capabilities;
    // As in Flink: SYSTEM user functions, then the built-ins, then the other user functions.
    this.operators = org.apache.calcite.sql.util.SqlOperatorTables.chain(
        io.weir.planner.calcite.UserFunctions.table(catalog, true),
        WeirOperatorTable.create(runtimeFunctions),
        io.weir.planner.calcite.UserFunctions.table(catalog, false));
  }

  /** A planner that assumes the runtime evaluates every function. */
  public Planner(Catalog catalog, ConnectorCapabilities capabilities) {
    this(catalog, capabilities, name -> true);
  }

  /** The column names of the table or view {@code name}, or null when there is none. */
  private List<String> columnNames(String name) {
    return catalog.get(name).map(o -> o.rowType().names()).orElse(null);
  }

  /** The scalar functions a query may call by name, upper case, sorted. */
  public List<String> functionNames() {
    java.util.TreeSet<String> names = new java.util.TreeSet<>();
    for (org.apache.calcite.sql.SqlOperator op : operators.getOperatorList()) {
      if (op instanceof org.apache.calcite.sql.SqlFunction && !(op instanceof org.apache.calcite.sql.SqlAggFunction)
          && op.getName().matches("[A-Za-z][A-Za-z0-9_]*")) {
        // User functions keep the name they were created with; built-ins are listed in upper case.
        String user = io.weir.planner.calcite.UserFunctions.functionName(op);
        names.add(user != null ? user : op.getName().toUpperCase(java.util.Locale.ROOT));
      }
    }
    return List.copyOf(names);
  }

  public Catalog catalog() {
    return catalog;
  }

  // ---- Calcite plumbing ------------------------------------------------------------------------

  /** The Calcite objects one statement is validated and converted with. */
  private final class Context {
    final SqlValidator validator;
    final SqlToRelConverter converter;
    final RelOptCluster cluster;

    Context(Map<String, Table> extraTables, RelOptCluster sharedCluster) {
      CalciteSchema root = CalciteSchema.createRootSchema(false, false);
      for (CatalogObject o : catalog.all()) {
        root.add(o.name(), o instanceof CatalogTable t ? new WeirTable(t) : new WeirViewTable((CatalogView) o));
      }
      extraTables.forEach(root::add);
      Properties props = new Properties();
      props.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
      CalciteCatalogReader reader =
          new CalciteCatalogReader(root, List.of(), typeFactory, new CalciteConnectionConfigImpl(props));
      validator = SqlValidatorUtil.newValidator(operators, reader, typeFactory,
          SqlValidator.Config.DEFAULT
              .withIdentifierExpansion(true)
              .withConformance(WeirSqlConformance.INSTANCE));
      if (sharedCluster == null) {
        VolcanoPlanner volcano = new VolcanoPlanner();
        volcano.addRelTraitDef(ConventionTraitDef.INSTANCE);
        cluster = RelOptCluster.create(volcano, new RexBuilder(typeFactory));
      } else {
        cluster = sharedCluster;
      }
      converter = new SqlToRelConverter(this::expandView, validator, reader, cluster,
          StandardConvertletTable.INSTANCE,
          SqlToRelConverter.config()
              .withTrimUnusedFields(false)
              .withExpand(false)
              .withInSubQueryThreshold(Integer.MAX_VALUE));
    }

    RelRoot expandView(RelDataType rowType, String queryString, List<String> schemaPath, List<String> viewPath) {
      SqlNode query = WeirSqlParser.parseStatement(queryString);
      Context view = new Context(Map.of(), cluster);
      SqlNode validated = view.validator.validate(query);
      return view.converter.convertQuery(validated, true, false);
    }

    RelRoot toRel(SqlNode query) {
      query = io.weir.planner.calcite.SessionPartitioning.rewrite(io.weir.planner.calcite.LegacyGroupWindows.rewrite(
          io.weir.planner.calcite.RowFieldReferences.qualify(query, Planner.this::columnNames)));
      rejectSessionEnd(query);
      rejectOuterTemporalJoins(query);
      SqlNode validated = validator.validate(query);
      return converter.convertQuery(validated, false, true);
    }
  }

  /**
   * Calcite converts the legacy {@code SESSION_END(ts, gap)} into the session's start, which would
   * be a wrong answer. Legacy windows over a named table are rewritten first ({@link
   * io.weir.planner.calcite.LegacyGroupWindows}); one left here reads something else and is refused.
   */
  private static void rejectSessionEnd(SqlNode query) {
    query.accept(new org.apache.calcite.sql.util.SqlBasicVisitor<Void>() {
      @Override
      public Void visit(org.apache.calcite.sql.SqlCall call) {
        if (call.getOperator().getName().equalsIgnoreCase("SESSION_END")) {
          throw errorAt(call.getParserPosition(), "SESSION_END is only supported when the grouped query reads a table "
              + "or view by name; otherwise use the SESSION window table function, whose window_end is the session's end");
        }
        return super.visit(call);
      }
    });
  }

  /** A temporal or lookup join is INNER or LEFT; Calcite fails on the others with an internal error. */
  private static void rejectOuterTemporalJoins(SqlNode query) {
    query.accept(new org.apache.calcite.sql.util.SqlBasicVisitor<Void>() {
      @Override
      public Void visit(org.apache.calcite.sql.SqlCall call) {
        if (call instanceof org.apache.calcite.sql.SqlJoin join) {
          SqlNode right = join.getRight();
          if (right.getKind() == org.apache.calcite.sql.SqlKind.AS) {
            right = ((org.apache.calcite.sql.SqlCall) right).operand(0);
          }
          org.apache.calcite.sql.JoinType type = join.getJoinType();
          if (right.getKind() == org.apache.calcite.sql.SqlKind.SNAPSHOT
              && (type == org.apache.calcite.sql.JoinType.RIGHT || type == org.apache.calcite.sql.JoinType.FULL)) {
            throw errorAt(join.getParserPosition(), "A join FOR SYSTEM_TIME AS OF (temporal or lookup) is INNER or LEFT, not "
                + type);
          }
        }
        return super.visit(call);
      }
    });
  }

  private static RelNode optimize(RelNode logical) {
    // IN / EXISTS subqueries become (semi, anti) joins: first correlates, then decorrelated.
    HepProgram subQueries = new HepProgramBuilder()
        .addRuleCollection(List.of(
            CoreRules.FILTER_SUB_QUERY_TO_CORRELATE,
            CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE,
            CoreRules.JOIN_SUB_QUERY_TO_CORRELATE))
        .build();
    HepPlanner subQueryPlanner = new HepPlanner(subQueries);
    subQueryPlanner.setRoot(logical);
    logical = subQueryPlanner.findBestExp();
    logical = org.apache.calcite.sql2rel.RelDecorrelator.decorrelateQuery(logical,
        org.apache.calcite.tools.RelBuilder.proto(org.apache.calcite.plan.Contexts.empty())
            .create(logical.getCluster(), null));
    HepProgram program = new HepProgramBuilder()
        // OVER calls become LogicalWindow nodes, which Top-N, deduplication and OVER aggregation
        // are recognised from.
        .addRuleInstance(CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW)
        .addRuleCollection(List.of(
            CoreRules.FILTER_PROJECT_TRANSPOSE,
            CoreRules.FILTER_INTO_JOIN,
            CoreRules.JOIN_CONDITION_PUSH,
            // A join with the distinct keys of a subquery, of which only the left side is read, is a
            // semi join: no need to keep the right side's rows, only whether a key exists.
            CoreRules.PROJECT_TO_SEMI_JOIN,
            CoreRules.JOIN_TO_SEMI_JOIN,
            CoreRules.FILTER_MERGE,
            CoreRules.PROJECT_MERGE,
            CoreRules.PROJECT_REMOVE))
        .addRuleCollection(List.of(
            CoreRules.FILTER_TO_CALC,
            CoreRules.PROJECT_TO_CALC,
            CoreRules.CALC_MERGE,
            CoreRules.CALC_REMOVE))
        .build();
    HepPlanner hep = new HepPlanner(program);
    hep.setRoot(logical);
    return hep.findBestExp();
  }

  /** Runs {@code action}, turning Calcite's validation errors into {@link SqlException}s. */
  private static <T> T withPositions(java.util.function.Supplier<T> action) {
    try {
      return action.get();
    } catch (CalciteContextException e) {
      String message = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
      throw new SqlException(
          String.format("SQL validation error at line %d, column %d: %s", e.getPosLine(), e.getPosColumn(), message),
          e.getPosLine(), e.getPosColumn(), e.getEndPosLine(), e.getEndPosColumn(), e);
    } catch (WeirException e) {
      throw e;
    } catch (org.apache.calcite.runtime.CalciteException e) {
      throw new SqlException("SQL validation error: " + e.getMessage(), 0, 0, 0, 0, e);
    }
  }

  private static SqlException errorAt(SqlParserPos pos, String message) {
    return new SqlException(
        String.format("SQL validation error at line %d, column %d: %s", pos.getLineNum(), pos.getColumnNum(), message),
        pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum(), null);
  }

  // ---- DDL -------------------------------------------------------------------------------------

  /** A plain name: {@code t} or {@code `my table`}; Weir has one namespace. */
  public static String simpleName(SqlIdentifier id) {
    if (!id.isSimple()) {
      throw errorAt(id.getParserPosition(), "Qualified names such as '" + id + "' are not supported; use a plain name");
    }
    return id.getSimple();
  }

  /**
   * Resolves a {@code CREATE TABLE}: column types, computed columns and the watermark are
   * validated and translated now, so a bad DDL fails here. Does not register the table.
   */
  public CatalogTable resolveTable(SqlCreateTable ddl) {
    return withPositions(() -> doResolveTable(ddl));
  }

  private CatalogTable doResolveTable(SqlCreateTable ddl) {
    String name = simpleName(ddl.name());
    Context ctx = new Context(Map.of(), null);
    Set<String> seen = new HashSet<>();
    // Physical columns first: computed columns are expressions over them.
    RowType.Builder physical = RowType.builder();
    for (SqlTableColumn c : ddl.columns()) {
      if (!seen.add(c.name().getSimple())) {
        throw errorAt(c.name().getParserPosition(), "Column '" + c.name().getSimple() + "' is defined twice");
      }
      if (c instanceof SqlPhysicalColumn p) {
        physical.add(c.name().getSimple(), TypeConverter.toLogicalType(
            SqlTypeSpecs.deriveType(ctx.validator, p.type())));
      }
    }
    RowType physicalType = physical.build();
    List<CatalogTable.Column> columns = new ArrayList<>();
    for (SqlTableColumn c : ddl.columns()) {
      String comment = c.comment().orElse(null);
      String colName = c.name().getSimple();
      if (c instanceof SqlPhysicalColumn) {
        columns.add(new CatalogTable.PhysicalColumn(colName, physicalType.type(physicalType.indexOf(colName)), comment));
      } else if (c instanceof SqlComputedColumn computed) {
        String sql = WeirSqlParser.unparse(computed.expression());
        ResolvedExpression e = resolveExpression(computed.expression(), physicalType);
        columns.add(new CatalogTable.ComputedColumn(colName, e.type(), sql, e.spec(), comment));
      } else if (c instanceof SqlMetadataColumn m) {
        LogicalType type = TypeConverter.toLogicalType(SqlTypeSpecs.deriveType(ctx.validator, m.type()));
        columns.add(new CatalogTable.MetadataColumn(colName, type, m.metadataKey().orElse(colName), m.virtual(), comment));
      }
    }
    CatalogTable.WatermarkDefinition watermark = null;
    if (ddl.watermark().isPresent()) {
      watermark = resolveWatermark(ddl.watermark().get(), columns);
    }
    for (String key : ddl.primaryKey()) {
      if (!seen.contains(key)) {
        throw errorAt(ddl.name().getParserPosition(), "Primary key column '" + key + "' is not a column of table '" + name + "'");
      }
    }
    for (String key : ddl.partitionKeys()) {
      if (!physicalType.names().contains(key)) {
        throw errorAt(ddl.name().getParserPosition(), "Partition column '" + key + "' is not a physical column of table '"
            + name + "'; PARTITIONED BY names columns declared with a type");
      }
    }
    if (!ddl.partitionKeys().isEmpty() && !capabilities.supportsPartitioning(ddl.options())) {
      throw errorAt(ddl.name().getParserPosition(), "Table '" + name + "' is PARTITIONED BY " + ddl.partitionKeys()
          + ", but its connector '" + ddl.options().get("connector") + "' does not write partitions (the 'filesystem'"
          + " connector does)");
    }
    Map<String, String> options = ddl.options();
    return new CatalogTable(name, columns, watermark, ddl.primaryKey(), options, ddl.comment().orElse(null), ddl.temporary(),
        ddl.partitionKeys());
  }

  private CatalogTable.WatermarkDefinition resolveWatermark(SqlWatermark wm, List<CatalogTable.Column> columns) {
    String rowtime = wm.eventTimeColumn().getSimple();
    RowType.Builder full = RowType.builder();
    LogicalType rowtimeType = null;
    for (CatalogTable.Column c : columns) {
      full.add(c.name(), c.type());
      if (c.name().equals(rowtime)) {
        rowtimeType = c.type();
      }
    }
    if (rowtimeType == null) {
      throw errorAt(wm.eventTimeColumn().getParserPosition(), "The rowtime attribute field '" + rowtime + "' is not defined in the table schema");
    }
    if (!isTimeAttributeType(rowtimeType)) {
      throw errorAt(wm.eventTimeColumn().getParserPosition(), "Invalid data type of time field for watermark definition. "
          + "The field must be of type TIMESTAMP(p) or TIMESTAMP_LTZ(p), the supported precision 'p' is from 0 to 3, but the time field type is "
          + rowtimeType.asSummaryString());
    }
    String sql = WeirSqlParser.unparse(wm.expression());
    ResolvedExpression e = resolveExpression(wm.expression(), full.build());
    if (e.type().root() != TypeRoot.TIMESTAMP && e.type().root() != TypeRoot.TIMESTAMP_LTZ) {
      throw errorAt(wm.expression().getParserPosition(),
          "Watermark strategy " + sql + " must be of type TIMESTAMP or TIMESTAMP_LTZ but is of type " + e.type().asSummaryString());
    }
    return new CatalogTable.WatermarkDefinition(rowtime, sql, e.spec());
  }

  private static boolean isTimeAttributeType(LogicalType t) {
    return (t.root() == TypeRoot.TIMESTAMP || t.root() == TypeRoot.TIMESTAMP_LTZ) && t.precision() <= 3;
  }

  private record ResolvedExpression(ExprSpec spec, LogicalType type) {}

  /** Validates {@code expression} as {@code SELECT expression FROM <a table of rowType>}. */
  private ResolvedExpression resolveExpression(SqlNode expression, RowType rowType) {
    Table scratch = new org.apache.calcite.schema.impl.AbstractTable() {
      @Override
      public RelDataType getRowType(org.apache.calcite.rel.type.RelDataTypeFactory f) {
        return TypeConverter.toRelDataType(rowType, f);
      }
    };
    Context ctx = new Context(Map.of(SCRATCH_TABLE, scratch), null);
    SqlParserPos pos = expression.getParserPosition();
    SqlSelect select = new SqlSelect(pos, null, new SqlNodeList(List.of(expression), pos),
        new SqlIdentifier(SCRATCH_TABLE, pos), null, null, null, null, null, null, null, null, null);
    io.weir.planner.calcite.RowFieldReferences.qualify(select, t -> t.equals(SCRATCH_TABLE) ? rowType.names() : null);
    RelRoot root = ctx.toRel(select);
    RelNode rel = root.project();
    RexNode rex = rel instanceof org.apache.calcite.rel.core.Project p ? p.getProjects().get(0)
        : new RexInputRef(0, rel.getRowType().getFieldList().get(0).getType());
    ExprSpec spec = new RexToExprSpec(ctx.cluster.getRexBuilder()).convert(rex);
    return new ResolvedExpression(spec, TypeConverter.toLogicalType(rex.getType()));
  }

  /**
   * Resolves a {@code CREATE FUNCTION}: its class is loaded now and its {@code eval} methods read,
   * so a missing class or one without {@code eval} fails the statement, naming the class.
   */
  public io.weir.planner.catalog.CatalogFunction resolveFunction(io.weir.sql.parser.ddl.SqlCreateFunction ddl) {
    String name = simpleName(ddl.name());
    var evals = io.weir.common.functions.EvalMethods.of(ddl.className(),
        io.weir.common.functions.EvalMethods.defaultLoader());
    return new io.weir.planner.catalog.CatalogFunction(name, ddl.className(), ddl.system(), ddl.temporary(), evals);
  }

  /** Resolves a {@code CREATE VIEW}: its query is validated now and its schema recorded. */
  public CatalogView resolveView(SqlCreateView ddl) {
    return withPositions(() -> {
      String name = simpleName(ddl.name());
      SqlNode query = io.weir.planner.calcite.RowFieldReferences.qualify(ddl.query(), this::columnNames);
      String sql = WeirSqlParser.unparse(query);
      Context ctx = new Context(Map.of(), null);
      SqlNode validated = ctx.validator.validate(query);
      RelDataType type = ctx.validator.getValidatedNodeType(validated);
      RowType rowType = TypeConverter.toRowType(type);
      List<String> fieldNames = ddl.fieldNames();
      if (!fieldNames.isEmpty()) {
        if (fieldNames.size() != rowType.arity()) {
          throw errorAt(ddl.name().getParserPosition(), "View '" + name + "' names " + fieldNames.size()
              + " columns but its query has " + rowType.arity());
        }
        RowType.Builder renamed = RowType.builder();
        for (int i = 0; i < fieldNames.size(); i++) {
          renamed.add(fieldNames.get(i), rowType.type(i));
        }
        rowType = renamed.build();
      }
      return new CatalogView(name, sql, rowType, ddl.temporary());
    });
  }

  // ---- queries -----------------------------------------------------------------------------------

  /** Plans a query whose rows go to the client through a collect operator named {@code resultId}. */
  public PlannedStatement planQuery(SqlNode query, io.weir.common.config.Configuration config, String resultId) {
    return withPositions(() -> {
      Context ctx = new Context(Map.of(), null);
      RelRoot root = ctx.toRel(query);
      StreamPhysicalRel physical = toPhysical(root.project());
      RowType resultType = renamed(TypeConverter.toRowType(physical.getRowType()), root.validatedRowType);
      StreamGraphTranslator translator = translator(ctx, config);
      int top = translator.translate(physical);
      translator.addCollect(top, resultId, resultType);
      return planned(translator, resultType);
    });
  }

  /** Plans {@code INSERT INTO table [(columns)] query}. */
  public PlannedStatement planInsert(SqlInsert insert, io.weir.common.config.Configuration config) {
    return withPositions(() -> {
      SqlIdentifier targetId = (SqlIdentifier) insert.getTargetTable();
      String name = simpleName(targetId);
      CatalogObject target = catalog.get(name).orElseThrow(() ->
          errorAt(targetId.getParserPosition(), "Table '" + name + "' not found"));
      if (!(target instanceof CatalogTable table)) {
        throw errorAt(targetId.getParserPosition(), "'" + name + "' is a view; INSERT INTO needs a table");
      }
      Context ctx = new Context(Map.of(), null);
      RelRoot root = ctx.toRel(insert.getSource());
      RelNode shaped = shapeForSink(root.project(), table, insert.getTargetColumnList(), insert.getSource().getParserPosition());
      StreamGraphTranslator translator = translator(ctx, config);
      int top = translator.translate(toPhysical(shaped));
      translator.addSink(top, table);
      return planned(translator, table.physicalRowType());
    });
  }

  /** EXPLAIN of a SELECT or INSERT: the physical plan, one operator a line. */
  public String explain(SqlNode statement, io.weir.common.config.Configuration config) {
    PlannedStatement planned = statement instanceof SqlInsert insert
        ? planInsert(insert, config)
        : planQuery(statement, config, "explain");
    return planned.explain();
  }

  private StreamPhysicalRel toPhysical(RelNode logical) {
    return new PhysicalConverter(capabilities).convert(optimize(logical));
  }

  private StreamGraphTranslator translator(Context ctx, io.weir.common.config.Configuration config) {
    return new StreamGraphTranslator(capabilities, new RexToExprSpec(ctx.cluster.getRexBuilder()),
        config.get(io.weir.common.config.CoreOptions.PARALLELISM),
        config.get(io.weir.common.config.CoreOptions.STATE_TTL).toMillis(), miniBatch(config));
  }

  /** {@code table.exec.mini-batch.*}, checked as Flink does: when on, size and latency are required. */
  private static io.weir.common.plan.GroupAggSpec.MiniBatch miniBatch(io.weir.common.config.Configuration config) {
    if (!config.get(io.weir.common.config.CoreOptions.MINI_BATCH_ENABLED)) {
      return null;
    }
    long size = config.get(io.weir.common.config.CoreOptions.MINI_BATCH_SIZE);
    long latency = config.get(io.weir.common.config.CoreOptions.MINI_BATCH_ALLOW_LATENCY).toMillis();
    if (size <= 0 || latency <= 0) {
      throw new io.weir.common.error.WeirException("'table.exec.mini-batch.enabled' = 'true' needs a positive"
          + " 'table.exec.mini-batch.size' (rows per batch, e.g. '5000') and 'table.exec.mini-batch.allow-latency'"
          + " (e.g. '1 s'); they are " + size + " and " + latency + " ms");
    }
    return new io.weir.common.plan.GroupAggSpec.MiniBatch(size, latency);
  }

  private static PlannedStatement planned(StreamGraphTranslator translator, RowType resultType) {
    var graph = translator.graph();
    return new PlannedStatement(graph, resultType, "== Physical Plan ==\n" + PlanPrinter.print(graph));
  }

  /** The physical types under the names the user asked for (aliases survive rewriting this way). */
  private static RowType renamed(RowType physical, RelDataType validated) {
    RowType.Builder b = RowType.builder();
    List<RelDataTypeField> fields = validated.getFieldList();
    for (int i = 0; i < physical.arity(); i++) {
      b.add(fields.get(i).getName(), physical.type(i));
    }
    return b.build();
  }

  /**
   * Puts the query's columns in the sink's order and types: named target columns take the query's
   * columns in order, the others are NULL; a column whose type differs is cast when SQL's
   * assignment rules allow it, else the statement fails naming both schemas.
   */
  private RelNode shapeForSink(RelNode source, CatalogTable table, SqlNodeList targetColumns, SqlParserPos pos) {
    RowType sinkType = table.physicalRowType();
    List<String> sinkNames = sinkType.names();
    List<String> targets = new ArrayList<>();
    if (targetColumns == null || targetColumns.isEmpty()) {
      targets.addAll(sinkNames);
    } else {
      for (SqlNode n : targetColumns) {
        String col = ((SqlIdentifier) n).getSimple();
        if (!sinkNames.contains(col)) {
          throw errorAt(n.getParserPosition(), "Column '" + col + "' is not a physical column of table '" + table.name()
              + "'. Physical columns: " + sinkNames);
        }
        targets.add(col);
      }
    }
    RelDataType sourceType = source.getRowType();
    if (sourceType.getFieldCount() != targets.size()) {
      throw errorAt(pos, "Column types of query result and sink for '" + table.name() + "' do not match. "
          + "Cause: Different number of columns.\nQuery schema: " + TypeConverter.toRowType(sourceType)
          + "\nSink schema:  " + sinkType);
    }
    RexBuilder rex = source.getCluster().getRexBuilder();
    RelDataType sinkRelType = TypeConverter.toRelDataType(sinkType, typeFactory);
    List<RexNode> projects = new ArrayList<>();
    boolean identity = targets.equals(sinkNames);
    for (int j = 0; j < sinkNames.size(); j++) {
      RelDataType want = sinkRelType.getFieldList().get(j).getType();
      int from = targets.indexOf(sinkNames.get(j));
      if (from < 0) {
        projects.add(rex.makeNullLiteral(want));
        identity = false;
        continue;
      }
      RelDataType have = sourceType.getFieldList().get(from).getType();
      RexNode ref = new RexInputRef(from, have);
      if (SqlTypeUtil.equalSansNullability(typeFactory, have, want)) {
        projects.add(ref);
      } else if (SqlTypeUtil.canAssignFrom(want, have) || have.getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.NULL) {
        projects.add(rex.makeCast(typeFactory.createTypeWithNullability(want, have.isNullable()), ref));
        identity = false;
      } else {
        throw errorAt(pos, "Column types of query result and sink for '" + table.name() + "' do not match. "
            + "Cause: Incompatible types for sink column '" + sinkNames.get(j) + "' at position " + j + ".\n"
            + "Query schema: " + TypeConverter.toRowType(sourceType) + "\nSink schema:  " + sinkType);
      }
    }
    if (identity) {
      return source;
    }
    return org.apache.calcite.rel.logical.LogicalProject.create(source, List.of(), projects, sinkNames, Set.of());
  }

  /** The plan of a statement as Calcite prints it, for debugging the planner. */
  public String logicalPlan(SqlNode query) {
    return withPositions(() -> RelOptUtil.toString(optimize(new Context(Map.of(), null).toRel(query).project())));
  }

  /** For a rel of a scan of a Weir table, the table; used by tests. */
  static CatalogTable tableOf(RelOptTable t) {
    return t.unwrap(WeirTable.class).catalogTable();
  }
}
