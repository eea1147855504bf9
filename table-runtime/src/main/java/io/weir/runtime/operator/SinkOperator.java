package io.weir.runtime.operator;

import io.weir.common.data.Row;
import io.weir.common.plan.SinkSpec;
import io.weir.runtime.connector.FactoryUtil;
import io.weir.runtime.connector.SinkContext;
import io.weir.runtime.connector.SinkWriter;
import io.weir.runtime.connector.TableContext;
import io.weir.runtime.connector.TableSink;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hands rows to a connector's {@link SinkWriter}.
 *
 * <p>Without checkpoints it flushes the writer when the input ends. With checkpoints it commits in
 * two phases: at each barrier the writer stages what it wrote ({@link SinkWriter#prepareCommit}),
 * the staged committables go into the checkpoint, and only when the checkpoint completes are they
 * committed. A restored job first commits the committables of the checkpoint it restores — they
 * belong to a completed checkpoint, but the commit may not have happened before the failure. Output
 * staged for the final checkpoint (taken when the input has ended) is keyed {@link Long#MAX_VALUE}.
 */
final class SinkOperator implements StreamOperator {
  private final SinkSpec spec;
  private SinkWriter writer;
  private boolean twoPhase;
  private boolean ended;
  /** Committables not yet committed, by the checkpoint that staged them. */
  private final TreeMap<Long, List<String>> staged = new TreeMap<>();

  SinkOperator(SinkSpec spec) {
    this.spec = spec;
  }

  private OperatorContext context;
  /** Rows written since they were last added to the job's count: reported in batches, not per row. */
  private long unreportedRows;

  @Override
  public void open(OperatorContext context) throws Exception {
    this.context = context;
    TableContext table = TableContext.ofSink(spec, context.config());
    TableSink sink = FactoryUtil.sinkFactory(spec.table(), spec.options()).createSink(table);
    writer = sink.createWriter(new SinkContext(context.subtaskIndex(), context.parallelism(), context.runId()));
    twoPhase = context.checkpointing();
    List<String> restored = new ArrayList<>();
    for (byte[] state : context.restoredOperatorState()) {
      restored.addAll(decode(state));
    }
    // Always with two phases, even with nothing restored: the writer then also cleans up what an
    // earlier run left staged but uncommitted (e.g. open Kafka transactions).
    if (twoPhase || !restored.isEmpty()) {
      writer.commit(restored);
    }
  }

  @Override
  public void process(int input, Row row, Output out) throws Exception {
    writer.write(row);
    unreportedRows++;
  }

  /** Adds the rows written since the last report to the job's count. */
  private void reportRows() {
    if (unreportedRows > 0) {
      context.recordRowsWritten(unreportedRows);
      unreportedRows = 0;
    }
  }

  @Override
  public void onWatermark(long watermark, Output out) {
    reportRows();
  }

  @Override
  public void onProcessingTime(long time, Output out) {
    reportRows();
  }

  @Override
  public void endInput(int input, Output out) throws Exception {
    reportRows();
    ended = true;
    if (!twoPhase) {
      writer.flush();
    }
  }

  @Override
  public byte[] snapshotOperatorState(long checkpointId) throws Exception {
    reportRows();
    if (!twoPhase) {
      writer.flush();
      return NO_STATE;
    }
    List<String> committables = writer.prepareCommit(checkpointId);
    if (!committables.isEmpty()) {
      staged.put(checkpointId, committables);
    }
    List<String> pending = new ArrayList<>();
    staged.values().forEach(pending::addAll);
    return pending.isEmpty() ? NO_STATE : encode(pending);
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    Map<Long, List<String>> done = staged.headMap(checkpointId, true);
    if (done.isEmpty()) {
      return;
    }
    List<String> committables = new ArrayList<>();
    done.values().forEach(committables::addAll);
    writer.commit(committables);
    done.clear();
  }

  @Override
  public void close() throws Exception {
    if (writer != null) {
      SinkWriter w = writer;
      writer = null;
      if (twoPhase && !(ended && staged.isEmpty())) {
        w.abort();
      } else {
        w.close();
      }
    }
  }

  private static byte[] encode(List<String> committables) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(committables.size());
    for (String c : committables) {
      out.writeUTF(c);
    }
    return bytes.toByteArray();
  }

  private static List<String> decode(byte[] state) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(state));
    int n = in.readInt();
    List<String> committables = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      committables.add(in.readUTF());
    }
    return committables;
  }
}
