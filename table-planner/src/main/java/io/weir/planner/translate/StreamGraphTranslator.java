package io.weir.planner.translate;

import io.weir.common.error.WeirException;
import io.weir.common.plan.CalcSpec;
import io.weir.common.plan.ChangelogMode;
import io.weir.common.plan.CollectSpec;
import io.weir.common.plan.EdgeSpec;
import io.weir.common.plan.ExprSpec;
import io.weir.common.plan.ExprSpecs;
import io.weir.common.plan.OperatorSpec;
import io.weir.common.plan.Partitioning;
import io.weir.common.plan.ScanSpec;
import io.weir.common.plan.SinkSpec;
import io.weir.common.plan.StreamGraph;
import io.weir.common.plan.StreamNode;
import io.weir.common.plan.UnionSpec;
import io.weir.common.plan.ValuesSpec;
import io.weir.common.plan.WatermarkSpec;
import io.weir.common.types.RowType;
import io.weir.planner.ConnectorCapabilities;
import io.weir.planner.calcite.RexToExprSpec;
import io.weir.planner.calcite.TypeConverter;
import io.weir.planner.catalog.CatalogTable;
import io.weir.planner.physical.StreamPhysicalCalc;
import io.weir.planner.physical.StreamPhysicalRel;
import io.weir.planner.physical.StreamPhysicalTableSourceScan;
import io.weir.planner.physical.StreamPhysicalUnion;
import io.weir.planner.physical.StreamPhysicalValues;
import io.weir.planner.physical.StreamRelVisitor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexLiteral;

/**
 * Translates a physical stream plan into a {@link StreamGraph}: one node per physical operator,
 * inputs before consumers, with forward edges between operators of equal parallelism and
 * rebalancing edges between unequal ones.
 */
public final class StreamGraphTranslator implements StreamRelVisitor<Integer> {
  private final ConnectorCapabilities capabilities;
  private final RexToExprSpec rex;
  private final int parallelism;
  private final long stateTtlMillis;
  private final List<StreamNode> nodes = new ArrayList<>();
  private final List<EdgeSpec> edges = new ArrayList<>();

  /** Mini-batch settings of unbounded aggregations, or null. */
  private final io.weir.common.plan.GroupAggSpec.MiniBatch miniBatch;

  public StreamGraphTranslator(ConnectorCapabilities capabilities, RexToExprSpec rex, int parallelism, long stateTtlMillis,
      io.weir.common.plan.GroupAggSpec.MiniBatch miniBatch) {
    this.miniBatch = miniBatch;
    this.capabilities = capabilities;
    this.rex = rex;
    this.parallelism = parallelism;
    this.stateTtlMillis = stateTtlMillis;
  }

  /** The graph built so far. */
  public StreamGraph graph() {
    return new StreamGraph(nodes, edges);
  }

  /** Adds the collect operator that hands a SELECT's rows to its client. */
  public int addCollect(int input, String resultId, RowType type) {
    int id = addNode(new CollectSpec(resultId, type), 1, node(input).changelogMode());
    connect(input, id, 0);
    return id;
  }

  /**
   * Adds the sink writing into {@code table}; {@code input} produces its physical row.
   *
   * @throws WeirException when the input is updating and the sink takes inserts only, naming the
   *     operator whose result updates
   */
  public int addSink(int input, CatalogTable table) {
    ChangelogMode mode = node(input).changelogMode();
    if (!mode.isInsertOnly() && !capabilities.sinkAcceptsUpdates(table.options())) {
      boolean deletes = mode.kinds().contains(io.weir.common.data.RowKind.DELETE);
      throw new WeirException("Table sink '" + table.name() + "' doesn't support consuming update"
          + (deletes ? " and delete" : "") + " changes which is produced by node " + updatingOrigin(input).spec().explain());
    }
    int p = optionalParallelism(table, "sink.parallelism");
    Partitioning keyed = null;
    if (!mode.isInsertOnly()) {
      // The changes of one row must reach the sink in order, through one sink task: by primary
      // key when the table has one, else through as many sink tasks as the input has, one to one.
      List<String> names = table.physicalRowType().names();
      if (!table.primaryKey().isEmpty()) {
        keyed = new Partitioning.Hash(table.primaryKey().stream().map(names::indexOf).toList());
      } else if (p != node(input).parallelism()) {
        if (table.options().containsKey("sink.parallelism")) {
          throw new WeirException("Table sink '" + table.name() + "' receives updates and has no primary key, so its"
              + " 'sink.parallelism' (" + p + ") must equal its input's (" + node(input).parallelism() + "): the"
              + " changes of a row would otherwise reach different sink tasks out of order. Declare a PRIMARY KEY"
              + " or drop 'sink.parallelism'.");
        }
        p = node(input).parallelism();
      }
    }
    List<String> physicalNames = table.physicalRowType().names();
    List<Integer> primaryKey = table.primaryKey().stream().map(physicalNames::indexOf).toList();
    List<Integer> partitionKeys = table.partitionKeys().stream().map(physicalNames::indexOf).toList();
    int id = addNode(new SinkSpec(table.name(), table.options(), table.physicalRowType(), primaryKey, partitionKeys), p,
        node(input).changelogMode());
    if (keyed != null && !(node(input).parallelism() == p && p == 1)) {
      edges.add(new EdgeSpec(input, id, 0, keyed));
    } else {
      connect(input, id, 0);
    }
    return id;
  }

  public int translate(RelNode rel) {
    return ((StreamPhysicalRel) rel).accept(this);
  }

  @Override
  public Integer visit(StreamPhysicalTableSourceScan scan) {
    if (capabilities.sourceEmitsUpserts(scan.table().options())) {
      return upsertScan(scan);
    }
    ExprSpec filter = scan.filter() == null ? null : rex.convert(scan.filter());
    return addNode(scanSpec(scan.table(), scan.projection(), filter, TypeConverter.toRowType(scan.getRowType()), List.of()),
        optionalParallelism(scan.table(), "scan.parallelism"), scan.changelogMode());
  }

  /**
   * A source of upserts (upsert-kafka): its rows are the latest value of their primary key, its
   * deletes carry the key. The scan reads whole rows, a {@link ChangelogNormalizeSpec} keyed by the
   * primary key turns them into a full changelog, and a calc picks the columns the query uses.
   */
  private int upsertScan(StreamPhysicalTableSourceScan scan) {
    CatalogTable table = scan.table();
    if (table.primaryKey().isEmpty()) {
      throw new WeirException("Table '" + table.name() + "' (connector '" + table.options().get("connector")
          + "') needs a PRIMARY KEY (... NOT ENFORCED): its records are upserts by key");
    }
    // The scan gives every column (computed and metadata ones too, its watermark assigned), since
    // the normaliser keeps whole rows; the filter and the projection apply to its changelog.
    RowType physical = table.physicalRowType();
    RowType full = table.rowType();
    List<Integer> allColumns = java.util.stream.IntStream.range(0, full.arity()).boxed().toList();
    List<Integer> physicalKeys = table.primaryKey().stream().map(physical.names()::indexOf).toList();
    List<Integer> keys = table.primaryKey().stream().map(table::columnIndex).toList();
    int scanId = addNode(scanSpec(table, allColumns, null, full, physicalKeys),
        optionalParallelism(table, "scan.parallelism"), ChangelogMode.ALL);
    int normalize = addNode(new io.weir.common.plan.ChangelogNormalizeSpec(keys, full), parallelism, ChangelogMode.ALL);
    edges.add(new EdgeSpec(scanId, normalize, 0, new Partitioning.Hash(keys)));
    List<Integer> projection = scan.projection();
    if (projection.equals(allColumns) && scan.filter() == null) {
      return normalize;
    }
    List<ExprSpec> refs = projection.stream().map(i -> (ExprSpec) new ExprSpec.InputRef(i, full.type(i))).toList();
    ExprSpec filter = scan.filter() == null ? null : rex.convert(scan.filter());
    int calc = addNode(new io.weir.common.plan.CalcSpec(refs, filter, full,
        full.project(projection.stream().mapToInt(Integer::intValue).toArray())), parallelism, ChangelogMode.ALL);
    connect(normalize, calc, 0);
    return calc;
  }

  /** The table's {@code option} (scan.parallelism, sink.parallelism) when set, else the default. */
  private int optionalParallelism(CatalogTable table, String option) {
    String configured = table.options().get(option);
    if (configured == null) {
      return parallelism;
    }
    try {
      int p = Integer.parseInt(configured.trim());
      if (p <= 0) {
        throw new NumberFormatException();
      }
      return p;
    } catch (NumberFormatException e) {
      throw new WeirException("Option '" + option + "' of table '" + table.name() + "' must be a positive integer but was '"
          + configured + "'");
    }
  }

  @Override
  public Integer visit(StreamPhysicalValues values) {
    List<List<Object>> rows = new ArrayList<>();
    for (List<RexLiteral> tuple : values.tuples()) {
      List<Object> row = new ArrayList<>();
      for (RexLiteral lit : tuple) {
        row.add(((ExprSpec.Literal) rex.convert(lit)).value());
      }
      rows.add(row);
    }
    return addNode(new ValuesSpec(rows, TypeConverter.toRowType(values.getRowType())), 1, values.changelogMode());
  }

  @Override
  public Integer visit(StreamPhysicalCalc calc) {
    int input = translate(calc.getInput());
    StreamNode in = node(input);
    CalcSpec spec = new CalcSpec(
        rex.convertAll(calc.projects()),
        calc.condition() == null ? null : rex.convert(calc.condition()),
        in.spec().outputType(),
        TypeConverter.toRowType(calc.getRowType()));
    int id = addNode(spec, in.parallelism(), calc.changelogMode());
    connect(input, id, 0);
    return id;
  }

  @Override
  public Integer visit(StreamPhysicalUnion union) {
    List<Integer> inputs = new ArrayList<>();
    for (RelNode in : union.getInputs()) {
      inputs.add(translate(in));
    }
    int id = addNode(new UnionSpec(inputs.size(), TypeConverter.toRowType(union.getRowType())), parallelism, union.changelogMode());
    for (int i = 0; i < inputs.size(); i++) {
      connect(inputs.get(i), id, i);
    }
    return id;
  }

  @Override
  public Integer visit(io.weir.planner.physical.StreamPhysicalGroupAggregate agg) {
    int input = translate(agg.getInput());
    RowType inputType = node(input).spec().outputType();
    List<Integer> keys = agg.groupSet().asList();
    io.weir.common.plan.GroupAggSpec spec = new io.weir.common.plan.GroupAggSpec(
        keys, aggregateCalls(agg.aggCalls(), agg.getRowType(), keys.size()), agg.inputUpdating(), true,
        stateTtlMillis, inputType, TypeConverter.toRowType(agg.getRowType()), miniBatch);
    int id = addNode(spec, keys.isEmpty() ? 1 : parallelism, agg.changelogMode());
    connectByKeys(input, id, 0, keys);
    return id;
  }

  @Override
  public Integer visit(io.weir.planner.physical.StreamPhysicalWindowTableFunction tvf) {
    int input = translate(tvf.getInput());
    RowType inputType = node(input).spec().outputType();
    var spec = new io.weir.common.plan.WindowTableFunctionSpec(tvf.window(), tvf.timeField(), tvf.eventTime(),
        tvf.partitionKeys(), inputType, TypeConverter.toRowType(tvf.getRowType()));
    boolean session = tvf.window() instanceof io.weir.common.plan.WindowSpec.Session;
    // Sessions are keyed (by partition keys, or all in one task); the other windows are stateless.
    int p = session && tvf.partitionKeys().isEmpty() ? 1 : node(input).parallelism();
    int id = addNode(spec, p, tvf.changelogMode());
    if (session) {
      connectByKeys(input, id, 0, tvf.partitionKeys());
    } else {
      connect(input, id, 0);
    }
    return id;
  }

  @Override
  public Integer visit(io.weir.planner.physical.StreamPhysicalWindowAggregate agg) {
    int input = translate(agg.getInput());
    RowType inputType = node(input).spec().outputType();
    var spec = new io.weir.common.plan.WindowAggSpec(agg.window(), agg.timeField(), agg.eventTime(), agg.groupKeys(),
        aggregateCalls(agg.aggCalls(), agg.getRowType(), agg.groupKeys().size()), inputType,
        TypeConverter.toRowType(agg.getRowType()));
    int id = addNode(spec, agg.groupKeys().isEmpty() ? 1 : parallelism, agg.changelogMode());
    connectByKeys(input, id, 0, agg.groupKeys());
    return id;
  }

  @Override
  public Integer visit(io.weir.planner.physical.StreamPhysicalRank rank) {
    int input = translate(rank.getInput());
    RowType inputType = node(input).spec().outputType();
    RowType outputType = TypeConverter.toRowType(rank.getRowType());
    OperatorSpecAndKeys s = rank.windowEndField() >= 0
        ? new OperatorSpecAndKeys(new io.weir.common.plan.WindowRankSpec(rank.windowEndField(), rank.partitionKeys(),
            rank.sortKeys(), rank.rankStart(), rank.rankEnd(), rank.outputRankNumber(), inputType, outputType))
        : new OperatorSpecAndKeys(new io.weir.common.plan.RankSpec(rank.partitionKeys(), rank.sortKeys(), rank.rankStart(),
            rank.rankEnd(), rank.outputRankNumber(), rank.inputUpdating(), inputType, outputType));
    int id = addNode(s.spec(), rank.partitionKeys().isEmpty() ? 1 : parallelism, rank.changelogMode());
    connectByKeys(input, id, 0, rank.partitionKeys());
    return id;
  }

  private record OperatorSpecAndKeys(OperatorSpec spec) {}

  @Override
  public Integer visit(io.weir.planner.physical.StreamPhysicalDeduplicate dedup) {
    int input = translate(dedup.getInput());
    RowType inputType = node(input).spec().outputType();
    var spec = new io.weir.common.plan.DeduplicateSpec(dedup.keys(), dedup.timeField(), dedup.eventTime(),
        dedup.keepLastRow(), true, inputType);
    int id = addNode(spec, dedup.keys().isEmpty() ? 1 : parallelism, dedup.changelogMode());
    connectByKeys(input, id, 0, dedup.keys());
    return id;
  }

  @Override
  public Integer visit(io.weir.planner.physical.StreamPhysicalOverAggregate over) {
    int input = translate(over.getInput());
    RowType inputType = node(input).spec().outputType();
    var spec = new io.weir.common.plan.OverAggSpec(over.partitionKeys(), over.orderField(), over.eventTime(),
        over.rows(), over.preceding(), aggregateCalls(over.aggCalls(), over.getRowType(), inputType.arity()),
        inputType, TypeConverter.toRowType(over.getRowType()));
    int id = addNode(spec, over.partitionKeys().isEmpty() ? 1 : parallelism, over.changelogMode());
    connectByKeys(input, id, 0, over.partitionKeys());
    return id;
  }

  @Override
  public Integer visit(io.weir.planner.physical.StreamPhysicalJoin join) {
    int left = translate(join.getLeft());
    int right = translate(join.getRight());
    RowType leftType = node(left).spec().outputType();
    RowType rightType = node(right).spec().outputType();
    RowType outputType = TypeConverter.toRowType(join.getRowType());
    ExprSpec condition = join.condition() == null ? null : rex.convert(join.condition());
    OperatorSpec spec = switch (join.kind()) {
      case REGULAR -> new io.weir.common.plan.JoinSpec(join.joinType(), join.leftKeys(), join.rightKeys(), condition,
          ((io.weir.planner.physical.StreamPhysicalRel) join.getLeft()).upsertKeys(),
          ((io.weir.planner.physical.StreamPhysicalRel) join.getRight()).upsertKeys(), stateTtlMillis,
          leftType, rightType, outputType);
      case INTERVAL -> new io.weir.common.plan.IntervalJoinSpec(join.joinType(), join.leftKeys(), join.rightKeys(),
          join.leftTime(), join.rightTime(), join.lowerBound(), join.upperBound(), join.eventTime(), condition,
          leftType, rightType, outputType);
      case WINDOW -> new io.weir.common.plan.WindowJoinSpec(join.joinType(), join.leftKeys(), join.rightKeys(),
          join.leftTime(), join.rightTime(), condition, leftType, rightType, outputType);
      case TEMPORAL -> new io.weir.common.plan.TemporalJoinSpec(join.joinType(), join.leftKeys(), join.rightKeys(),
          join.leftTime(), join.rightTime(), condition, leftType, rightType, outputType);
    };
    int id = addNode(spec, join.leftKeys().isEmpty() ? 1 : parallelism, join.changelogMode());
    connectByKeys(left, id, 0, join.leftKeys());
    connectByKeys(right, id, 1, join.rightKeys());
    return id;
  }

  @Override
  public Integer visit(io.weir.planner.physical.StreamPhysicalLookupJoin join) {
    if (!join.table().partitionKeys().isEmpty()) {
      throw new WeirException("Table '" + join.table().name() + "' is PARTITIONED BY " + join.table().partitionKeys()
          + ": lookup joins against partitioned tables are not supported yet; join it as a regular table");
    }
    int left = translate(join.getInput());
    StreamNode in = node(left);
    var spec = new io.weir.common.plan.LookupJoinSpec(join.joinType(), join.leftKeys(), join.tableKeys(),
        join.condition() == null ? null : rex.convert(join.condition()), join.table().name(), join.table().options(),
        join.table().physicalRowType(), in.spec().outputType(), TypeConverter.toRowType(join.getRowType()));
    int id = addNode(spec, in.parallelism(), join.changelogMode());
    connect(left, id, 0);
    return id;
  }

  /** The aggregate calls as specs; their names are the output columns after the keys. */
  static List<io.weir.common.plan.AggregateCallSpec> aggregateCalls(
      List<org.apache.calcite.rel.core.AggregateCall> calls, org.apache.calcite.rel.type.RelDataType outputType, int offset) {
    List<io.weir.common.plan.AggregateCallSpec> specs = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      org.apache.calcite.rel.core.AggregateCall call = calls.get(i);
      specs.add(new io.weir.common.plan.AggregateCallSpec(
          aggregateName(call), call.getArgList(), call.isDistinct(), call.filterArg,
          TypeConverter.toLogicalType(call.getType()), outputType.getFieldNames().get(offset + i)));
    }
    return specs;
  }

  private static String aggregateName(org.apache.calcite.rel.core.AggregateCall call) {
    String name = call.getAggregation().getName().toUpperCase(java.util.Locale.ROOT);
    return switch (name) {
      case "$SUM0" -> "SUM0";
      case "COUNT", "SUM", "MIN", "MAX", "AVG", "FIRST_VALUE", "LAST_VALUE", "LISTAGG" -> name;
      case "ROW_NUMBER" -> throw new WeirException("ROW_NUMBER() is only supported for Top-N: filter its result with rn <= N");
      default -> throw new WeirException("Aggregate function " + name + " is not supported yet");
    };
  }

  /**
   * Connects {@code from} to a keyed operator: rows with equal {@code keys} must meet in one task,
   * so the edge hashes by them (or gathers everything into one task when there are no keys).
   */
  private void connectByKeys(int from, int to, int input, List<Integer> keys) {
    int a = node(from).parallelism();
    int b = node(to).parallelism();
    Partitioning p;
    if (a == 1 && b == 1) {
      p = new Partitioning.Forward();
    } else if (keys.isEmpty()) {
      p = new Partitioning.Single();
    } else {
      p = new Partitioning.Hash(keys);
    }
    edges.add(new EdgeSpec(from, to, input, p));
  }

  /** The operator where updates start: updating itself, fed only by insert-only inputs. */
  private StreamNode updatingOrigin(int id) {
    for (EdgeSpec e : edges) {
      if (e.to() == id && !node(e.from()).changelogMode().isInsertOnly()) {
        return updatingOrigin(e.from());
      }
    }
    return node(id);
  }

  private StreamNode node(int id) {
    for (StreamNode n : nodes) {
      if (n.id() == id) {
        return n;
      }
    }
    throw new IllegalArgumentException("no node " + id);
  }

  private int addNode(OperatorSpec spec, int p, ChangelogMode mode) {
    int id = nodes.size();
    nodes.add(new StreamNode(id, spec, p, mode));
    return id;
  }

  private void connect(int from, int to, int input) {
    int a = node(from).parallelism();
    int b = node(to).parallelism();
    Partitioning p;
    if (a == b) {
      p = new Partitioning.Forward();
    } else if (b == 1) {
      p = new Partitioning.Single();
    } else {
      p = new Partitioning.Rebalance();
    }
    edges.add(new EdgeSpec(from, to, input, p));
  }

  /**
   * Lays out the scan row (read physical fields, then the computed columns needed) and maps the
   * table's expressions onto it; see {@link ScanSpec}.
   */
  /**
   * The scan of {@code table} giving the columns {@code projection} (table column indexes), as
   * {@code outputType}, of the rows {@code filter} (over table columns; null for all) keeps.
   * {@code primaryKey}: physical indexes, for a source that needs them (upserts); else empty.
   */
  private ScanSpec scanSpec(CatalogTable table, List<Integer> projection, ExprSpec filter, RowType outputType,
      List<Integer> primaryKey) {
    List<CatalogTable.Column> columns = table.columns();
    int[] physicalIndex = table.physicalIndexes();

    // Which table columns the scan needs.
    TreeSet<Integer> needed = new TreeSet<>(projection);
    if (filter != null) {
      ExprSpecs.collectInputs(filter, needed);
    }
    if (table.watermark() != null) {
      needed.add(table.columnIndex(table.watermark().rowtimeColumn()));
      ExprSpecs.collectInputs(table.watermark().expression(), needed);
    }
    // Which physical fields they rest on.
    TreeSet<Integer> physicalNeeded = new TreeSet<>();
    List<Integer> metadataColumns = new ArrayList<>();
    for (int c : needed) {
      CatalogTable.Column column = columns.get(c);
      if (column instanceof CatalogTable.PhysicalColumn) {
        physicalNeeded.add(physicalIndex[c]);
      } else if (column instanceof CatalogTable.ComputedColumn computed) {
        // computed columns are expressions over the physical row
        ExprSpecs.collectInputs(computed.expression(), physicalNeeded);
      } else {
        metadataColumns.add(c);
      }
    }
    RowType.Builder metadata = RowType.builder();
    java.util.Map<String, io.weir.common.types.LogicalType> readable = capabilities.readableMetadata(table.options());
    for (int c : metadataColumns) {
      CatalogTable.MetadataColumn m = (CatalogTable.MetadataColumn) columns.get(c);
      io.weir.common.types.LogicalType type = readable.get(m.key());
      if (type == null) {
        throw new WeirException("Metadata column '" + m.name() + "' of table '" + table.name() + "' reads '" + m.key()
            + "', which connector '" + table.options().get("connector") + "' does not provide"
            + (readable.isEmpty() ? "; it has no metadata" : "; it provides " + new TreeSet<>(readable.keySet())));
      }
      if (type.root() != m.type().root()) {
        throw new WeirException("Metadata column '" + m.name() + "' of table '" + table.name() + "' is declared "
            + m.type().asSummaryString() + ", but '" + m.key() + "' is " + type.asSummaryString());
      }
      metadata.add(m.key(), type);
    }
    RowType metadataType = metadata.build();
    List<Integer> readFields = new ArrayList<>();
    if (capabilities.supportsProjectionPushDown(table.options())) {
      readFields.addAll(physicalNeeded);
    } else {
      for (int i = 0; i < table.physicalRowType().arity(); i++) {
        readFields.add(i);
      }
    }
    Map<Integer, Integer> scanIndexOfColumn = new HashMap<>();
    for (int c = 0; c < columns.size(); c++) {
      if (physicalIndex[c] >= 0 && readFields.contains(physicalIndex[c])) {
        scanIndexOfColumn.put(c, readFields.indexOf(physicalIndex[c]));
      }
    }
    for (int i = 0; i < metadataColumns.size(); i++) {
      scanIndexOfColumn.put(metadataColumns.get(i), readFields.size() + i);
    }
    List<ExprSpec> computed = new ArrayList<>();
    List<String> computedNames = new ArrayList<>();
    for (int c : needed) {
      if (columns.get(c) instanceof CatalogTable.ComputedColumn cc) {
        computed.add(ExprSpecs.remap(cc.expression(), readFields::indexOf));
        computedNames.add(cc.name());
        scanIndexOfColumn.put(c, readFields.size() + metadataColumns.size() + computed.size() - 1);
      }
    }
    WatermarkSpec watermark = null;
    if (table.watermark() != null) {
      watermark = new WatermarkSpec(
          scanIndexOfColumn.get(table.columnIndex(table.watermark().rowtimeColumn())),
          ExprSpecs.remap(table.watermark().expression(), scanIndexOfColumn::get));
    }
    List<Integer> outputFields = new ArrayList<>();
    for (int c : projection) {
      outputFields.add(scanIndexOfColumn.get(c));
    }
    return new ScanSpec(
        table.name(),
        table.options(),
        table.physicalRowType(),
        readFields,
        computed,
        computedNames,
        watermark,
        filter == null ? null : ExprSpecs.remap(filter, scanIndexOfColumn::get),
        outputFields,
        outputType,
        metadataType,
        primaryKey,
        table.partitionKeys().stream().map(table.physicalRowType().names()::indexOf).toList());
  }
}
