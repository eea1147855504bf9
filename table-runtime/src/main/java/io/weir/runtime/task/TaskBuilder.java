package io.weir.runtime.task;

import io.weir.common.config.Configuration;
import io.weir.common.config.CoreOptions;
import io.weir.common.plan.EdgeSpec;
import io.weir.common.plan.OperatorSpec;
import io.weir.common.plan.Partitioning;
import io.weir.common.plan.ScanSpec;
import io.weir.common.plan.StreamGraph;
import io.weir.common.plan.StreamNode;
import io.weir.common.plan.ValuesSpec;
import io.weir.runtime.connector.FactoryUtil;
import io.weir.runtime.connector.ReaderContext;
import io.weir.runtime.connector.SourceSplit;
import io.weir.runtime.connector.TableContext;
import io.weir.runtime.connector.TableSource;
import io.weir.runtime.expr.CompileContext;
import io.weir.runtime.job.ResultCollector;
import io.weir.runtime.operator.OperatorFactory;
import io.weir.runtime.operator.StreamOperator;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns a {@link StreamGraph} into runnable tasks: fuses forward chains, creates one task per
 * chain and parallel instance, wires channels between them, and assigns source splits.
 *
 * <p>A node joins its upstream's chain when its only input is a forward edge from a node whose
 * only output it is (equal parallelism is implied by forward).
 */
public final class TaskBuilder {
  private final StreamGraph graph;
  private final Configuration config;
  private final Function<String, ResultCollector> results;
  private final JobMetrics metrics;
  private final String jobName;
  private final OperatorFactory operators = new OperatorFactory();
  private final CompileContext compileContext;
  private final TaskCheckpoints checkpoints;
  private final Map<Integer, String> uids;

  /** A chain of node ids; the first is the head. */
  private record Chain(List<StreamNode> nodes) {
    StreamNode head() {
      return nodes.get(0);
    }

    StreamNode tail() {
      return nodes.get(nodes.size() - 1);
    }

    int parallelism() {
      return head().parallelism();
    }

    String describe() {
      return nodes.stream().map(n -> shortName(n.spec())).collect(Collectors.joining(" -> "));
    }
  }

  public TaskBuilder(String jobName, StreamGraph graph, Configuration config,
      Function<String, ResultCollector> results, JobMetrics metrics) {
    this(jobName, graph, config, results, metrics, TaskCheckpoints.disabled());
  }

  /** @param checkpoints how the tasks take checkpoints, and the checkpoint they restore from */
  public TaskBuilder(String jobName, StreamGraph graph, Configuration config,
      Function<String, ResultCollector> results, JobMetrics metrics, TaskCheckpoints checkpoints) {
    this.checkpoints = checkpoints;
    this.uids = graph.operatorUids();
    this.jobName = jobName;
    this.graph = graph;
    this.config = config;
    this.results = results;
    this.metrics = metrics;
    this.compileContext = new CompileContext(ZoneId.of(config.get(CoreOptions.LOCAL_TIME_ZONE)));
  }

  static String shortName(OperatorSpec spec) {
    String explain = spec.explain();
    int paren = explain.indexOf('(');
    return paren < 0 ? explain : explain.substring(0, paren);
  }

  public List<Task> build() {
    // Resolve every sink's connector now, so a table that cannot be written fails the statement
    // that submits the job rather than the job a moment later.
    for (StreamNode n : graph.nodes()) {
      if (n.spec() instanceof io.weir.common.plan.SinkSpec sink) {
        // Creating the sink checks its options against the job's settings too (e.g. an exactly-once
        // Kafka sink needs checkpoints); each task creates its own when it opens.
        FactoryUtil.sinkFactory(sink.table(), sink.options()).createSink(TableContext.ofSink(sink, config));
      }
    }
    if (checkpoints.restore != null) {
      checkRestorable();
    }
    List<Chain> chains = chains();
    Map<Integer, Chain> chainOfHead = new HashMap<>();
    for (Chain c : chains) {
      chainOfHead.put(c.head().id(), c);
    }
    int capacity = config.get(CoreOptions.CHANNEL_CAPACITY);
    int batchSize = config.get(CoreOptions.BATCH_SIZE);
    long bufferTimeout = config.get(CoreOptions.BATCH_TIMEOUT).toMillis();

    // Input gates first, so writers can find the channels they send to.
    Map<Integer, InputGate[]> gates = new HashMap<>();
    // (edge, receiving task) -> first channel index in that task's gate
    Map<EdgeSpec, Integer> edgeOffset = new HashMap<>();
    for (Chain c : chains) {
      List<EdgeSpec> inputs = graph.inputsOf(c.head().id());
      if (inputs.isEmpty()) {
        continue;
      }
      List<Integer> inputOfChannel = new ArrayList<>();
      for (EdgeSpec e : inputs) {
        edgeOffset.put(e, inputOfChannel.size());
        int senders = e.partitioning() instanceof Partitioning.Forward ? 1 : graph.node(e.from()).parallelism();
        for (int s = 0; s < senders; s++) {
          inputOfChannel.add(e.input());
        }
      }
      int[] mapping = inputOfChannel.stream().mapToInt(Integer::intValue).toArray();
      InputGate[] perTask = new InputGate[c.parallelism()];
      for (int t = 0; t < perTask.length; t++) {
        perTask[t] = new InputGate(mapping.length, mapping);
        for (int ch = 0; ch < mapping.length; ch++) {
          perTask[t].createChannel(ch, capacity);
        }
      }
      gates.put(c.head().id(), perTask);
    }

    List<Task> tasks = new ArrayList<>();
    for (Chain c : chains) {
      TableSource source = null;
      List<SourceSplit> splits = List.of();
      OperatorSpec headSpec = c.head().spec();
      SourcePositions restored = null;
      if (headSpec.isSource() && checkpoints.restore != null) {
        restored = SourcePositions.restore(checkpoints.restore.metadata().operator(uids.get(c.head().id())).orElse(null));
      }
      int splitParallelism = restored == null ? c.parallelism() : restored.splitParallelism();
      if (headSpec instanceof ScanSpec scan) {
        TableContext ctx = new TableContext(scan.table(), scan.options(), scan.physicalType(), scan.readFields(), config,
            scan.metadata().names(), scan.primaryKey(), scan.partitionKeys());
        source = FactoryUtil.sourceFactory(scan.table(), scan.options()).createSource(ctx);
        splits = source.splits(splitParallelism);
      } else if (headSpec instanceof ValuesSpec values) {
        source = new ValuesSource(values);
        splits = source.splits(splitParallelism);
      }
      for (int t = 0; t < c.parallelism(); t++) {
        List<RecordWriter> writers = new ArrayList<>();
        for (EdgeSpec out : graph.outputsOf(c.tail().id())) {
          writers.add(writer(out, t, gates, edgeOffset, batchSize));
        }
        TaskOutput taskOutput = new TaskOutput(writers, bufferTimeout);
        List<StreamNode> operatorNodes = headSpec.isSource() ? c.nodes().subList(1, c.nodes().size()) : c.nodes();
        List<StreamOperator> ops = new ArrayList<>();
        List<TaskOperatorContext> contexts = new ArrayList<>();
        for (StreamNode n : operatorNodes) {
          ops.add(operators.create(n.spec(), results));
          contexts.add(context(n, t));
        }
        OperatorChain chain = new OperatorChain(ops, taskOutput);
        String name = c.describe() + " (" + (t + 1) + "/" + c.parallelism() + ")";
        if (source != null) {
          List<SourceSplit> mine = new ArrayList<>();
          for (int s = t; s < splits.size(); s += c.parallelism()) {
            mine.add(splits.get(s));
          }
          ScanStage stage = headSpec instanceof ScanSpec scan ? new ScanStage(scan, compileContext) : null;
          tasks.add(new SourceTask(name, chain, contexts, tasks.size(), checkpoints, uids.get(c.head().id()),
              headSpec.explain(), source, mine, splitParallelism, restored == null ? Map.of() : restored.positions(),
              stage, readerContext(t, c.parallelism()),
              config.get(CoreOptions.WATERMARK_INTERVAL).toMillis(), idleTimeoutMillis(headSpec)));
        } else {
          tasks.add(new InputTask(name, chain, contexts, tasks.size(), checkpoints, gates.get(c.head().id())[t],
              graph.inputsOf(c.head().id()).size(), bufferTimeout));
        }
      }
    }
    return tasks;
  }

  /**
   * Refuses a checkpoint whose state this graph cannot take: state of an operator that is not in
   * the graph any more (unless {@code execution.savepoint.ignore-unclaimed-state}), or keyed state
   * cut into a different number of key groups.
   */
  private void checkRestorable() {
    var metadata = checkpoints.restore.metadata();
    java.util.Set<String> present = new java.util.HashSet<>(uids.values());
    boolean ignoreUnclaimed = config.get(io.weir.checkpointing.CheckpointOptions.IGNORE_UNCLAIMED_STATE);
    for (var op : metadata.operators()) {
      if (!present.contains(op.uid()) && !ignoreUnclaimed) {
        throw new io.weir.common.error.WeirException("Cannot restore " + checkpoints.restore.directory()
            + ": the state of operator '" + op.description() + "' belongs to no operator of the new query."
            + " The operator, or something upstream of it, changed its meaning (for example its grouping keys,"
            + " its aggregates or its input), so its state would not fit. Set"
            + " 'execution.savepoint.ignore-unclaimed-state' = 'true' to start without that state.");
      }
      boolean keyed = op.subtasks().stream().anyMatch(st -> st.keyedState().length > 0);
      boolean incremental = op.subtasks().stream()
          .anyMatch(st -> st.keyedState().length > 0 && KeyedStateHandles.kind(st.keyedState()) == KeyedStateHandles.NATIVE);
      if (incremental && present.contains(op.uid())
          && config.get(io.weir.state.StateOptions.STATE_BACKEND) != io.weir.state.StateBackendKind.ROCKSDB) {
        throw new io.weir.common.error.WeirException("Cannot restore " + checkpoints.restore.directory()
            + ": the state of operator '" + op.description() + "' is an incremental RocksDB checkpoint, which only"
            + " 'state.backend' = 'rocksdb' can read. To change the state backend, stop the job with a savepoint"
            + " (STOP JOB '<id>' WITH SAVEPOINT) and start from that.");
      }
      int maxParallelism = config.get(CoreOptions.MAX_PARALLELISM);
      if (keyed && present.contains(op.uid()) && metadata.maxParallelism() != maxParallelism) {
        throw new io.weir.common.error.WeirException("Cannot restore " + checkpoints.restore.directory()
            + ": its keyed state has " + metadata.maxParallelism() + " key groups but 'pipeline.max-parallelism' is "
            + maxParallelism + "; set it back to " + metadata.maxParallelism() + " to restore.");
      }
    }
  }

  /** The table's {@code scan.watermark.idle-timeout}, else the job's {@code table.exec.source.idle-timeout}. */
  private long idleTimeoutMillis(OperatorSpec spec) {
    if (spec instanceof ScanSpec scan && scan.options().containsKey(FactoryUtil.SCAN_IDLE_TIMEOUT)) {
      return io.weir.common.config.Durations.parse(scan.options().get(FactoryUtil.SCAN_IDLE_TIMEOUT)).toMillis();
    }
    return config.get(CoreOptions.SOURCE_IDLE_TIMEOUT).toMillis();
  }

  private RecordWriter writer(EdgeSpec edge, int senderIndex, Map<Integer, InputGate[]> gates,
      Map<EdgeSpec, Integer> edgeOffset, int batchSize) {
    InputGate[] receivers = gates.get(edge.to());
    int offset = edgeOffset.get(edge);
    List<Channel> targets = new ArrayList<>();
    Partitioning p = edge.partitioning();
    if (p instanceof Partitioning.Forward) {
      targets.add(receivers[senderIndex].channel(offset));
      return new RecordWriter(targets, Partitioner.forward(), batchSize);
    }
    for (InputGate receiver : receivers) {
      targets.add(receiver.channel(offset + senderIndex));
    }
    Partitioner partitioner;
    if (p instanceof Partitioning.Broadcast) {
      partitioner = Partitioner.broadcast();
    } else if (p instanceof Partitioning.Rebalance) {
      partitioner = Partitioner.rebalance(senderIndex);
    } else if (p instanceof Partitioning.Single) {
      partitioner = Partitioner.forward();
    } else if (p instanceof Partitioning.Hash hash) {
      partitioner = Partitioner.hash(hash.keys(), config.get(CoreOptions.MAX_PARALLELISM));
    } else {
      throw new IllegalArgumentException("Unknown partitioning " + p);
    }
    return new RecordWriter(targets, partitioner, batchSize);
  }

  private List<Chain> chains() {
    Map<Integer, List<StreamNode>> chainOf = new HashMap<>();
    List<List<StreamNode>> ordered = new ArrayList<>();
    for (StreamNode n : graph.nodes()) {
      List<EdgeSpec> in = graph.inputsOf(n.id());
      if (in.size() == 1 && in.get(0).partitioning() instanceof Partitioning.Forward
          && graph.outputsOf(in.get(0).from()).size() == 1) {
        List<StreamNode> upstream = chainOf.get(in.get(0).from());
        upstream.add(n);
        chainOf.put(n.id(), upstream);
      } else {
        List<StreamNode> chain = new ArrayList<>();
        chain.add(n);
        chainOf.put(n.id(), chain);
        ordered.add(chain);
      }
    }
    return ordered.stream().map(Chain::new).toList();
  }

  private TaskOperatorContext context(StreamNode node, int subtask) {
    return new TaskOperatorContext(uids.get(node.id()), node.spec().explain(), jobName, subtask, node.parallelism(),
        config, compileContext, metrics, checkpoints, config.get(CoreOptions.MAX_PARALLELISM),
        config.get(io.weir.state.StateOptions.STATE_BACKEND));
  }

  private ReaderContext readerContext(int subtask, int parallelism) {
    return new ReaderContext() {
      @Override public int subtaskIndex() { return subtask; }
      @Override public int parallelism() { return parallelism; }
      @Override public void recordSkipped(String reason) { metrics.recordSkipped(reason); }
      @Override public void recordRowsRead(long rows) { metrics.addRowsRead(rows); }
    };
  }
}
