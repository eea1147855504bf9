package io.weir.runtime.task;

import io.weir.checkpointing.CheckpointMetadata;
import io.weir.checkpointing.CompletedCheckpoint;
import io.weir.common.config.Configuration;
import io.weir.common.data.Row;
import io.weir.common.error.WeirException;
import io.weir.common.types.RowType;
import io.weir.runtime.expr.CompileContext;
import io.weir.runtime.operator.OperatorContext;
import io.weir.state.BackendEnvironment;
import io.weir.state.IncrementalSnapshots;
import io.weir.state.KeyGroupRange;
import io.weir.state.NativeSnapshotHandle;
import java.nio.file.Path;
import io.weir.state.KeyGroupSnapshotReader;
import io.weir.state.KeyedStateBackend;
import io.weir.state.StateBackendKind;
import io.weir.state.StateBackends;
import io.weir.state.serialization.RowSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The context of one operator instance in a task: who it is (its plan uid, its index), its keyed
 * state backend, and what it restores from the job's starting checkpoint.
 */
final class TaskOperatorContext implements OperatorContext {
  final String uid;
  final String description;
  private final String jobName;
  private final int subtask;
  private final int parallelism;
  private final Configuration config;
  private final CompileContext compileContext;
  private final JobMetrics metrics;
  private final TaskCheckpoints checkpoints;
  private final int maxParallelism;
  private final StateBackendKind backendKind;
  private KeyedStateBackend<Row> backend;

  TaskOperatorContext(String uid, String description, String jobName, int subtask, int parallelism, Configuration config,
      CompileContext compileContext, JobMetrics metrics, TaskCheckpoints checkpoints, int maxParallelism,
      StateBackendKind backendKind) {
    this.uid = uid;
    this.description = description;
    this.jobName = jobName;
    this.subtask = subtask;
    this.parallelism = parallelism;
    this.config = config;
    this.compileContext = compileContext;
    this.metrics = metrics;
    this.checkpoints = checkpoints;
    this.maxParallelism = maxParallelism;
    this.backendKind = backendKind;
  }

  @Override public String jobName() { return jobName; }
  @Override public int subtaskIndex() { return subtask; }
  @Override public int parallelism() { return parallelism; }
  @Override public Configuration config() { return config; }
  @Override public CompileContext compileContext() { return compileContext; }
  @Override public void recordLateRow() { metrics.recordLateRow(); }
  @Override public void recordRowsWritten(long rows) { metrics.addRowsWritten(rows); }
  @Override public boolean checkpointing() { return checkpoints.enabled; }
  @Override public String runId() { return checkpoints.runId; }

  KeyGroupRange keyGroupRange() {
    return KeyGroupRange.forTask(maxParallelism, parallelism, subtask);
  }

  @Override
  public KeyedStateBackend<Row> keyedState(RowType keyType) {
    if (backend == null) {
      backend = StateBackends.createKeyed(backendKind, new RowSerializer(keyType), maxParallelism, keyGroupRange(),
          new BackendEnvironment(Path.of(System.getProperty("java.io.tmpdir")), config));
      restoreKeyedState();
    }
    return backend;
  }

  /** The backend, or null when the operator keeps no keyed state. */
  KeyedStateBackend<Row> backend() {
    return backend;
  }

  private CheckpointMetadata.OperatorState restoredState() {
    CompletedCheckpoint restore = checkpoints.restore;
    return restore == null ? null : restore.metadata().operator(uid).orElse(null);
  }

  private void restoreKeyedState() {
    CheckpointMetadata.OperatorState state = restoredState();
    if (state == null) {
      return;
    }
    CompletedCheckpoint restore = checkpoints.restore;
    if (restore.metadata().maxParallelism() != maxParallelism) {
      throw new WeirException("Cannot restore operator '" + description + "': the checkpoint has "
          + restore.metadata().maxParallelism() + " key groups (pipeline.max-parallelism) but the job has "
          + maxParallelism + "; key groups cannot be re-split");
    }
    try {
      List<KeyGroupSnapshotReader> parts = new ArrayList<>();
      List<NativeSnapshotHandle> natives = new ArrayList<>();
      KeyGroupRange range = keyGroupRange();
      for (CheckpointMetadata.SubtaskState s : state.subtasks()) {
        byte[] handle = s.keyedState();
        if (handle.length == 0) {
          continue;
        }
        byte kind = KeyedStateHandles.kind(handle);
        if (kind == KeyedStateHandles.NATIVE) {
          NativeSnapshotHandle h = KeyedStateHandles.decodeNative(handle);
          if (h.keyGroupRange().start() <= range.endInclusive() && range.start() <= h.keyGroupRange().endInclusive()) {
            natives.add(h);
          }
        } else if (kind == KeyedStateHandles.KEY_GROUP_FILE) {
          if (KeyedStateHandles.overlaps(handle, range)) {
            parts.add(KeyedStateHandles.reader(restore.root(), handle));
          }
        } else {
          throw new IOException("unknown keyed state handle kind " + kind);
        }
      }
      if (!natives.isEmpty()) {
        if (!(backend instanceof IncrementalSnapshots incremental)) {
          throw new WeirException("Cannot restore operator '" + description + "' from " + restore.directory()
              + ": it is an incremental RocksDB checkpoint, which only 'state.backend' = 'rocksdb' can read."
              + " To change the state backend, stop the job with a savepoint and restore that.");
        }
        incremental.restoreNative(restore.root(), natives);
      }
      if (!parts.isEmpty()) {
        backend.restore(KeyGroupSnapshotReader.union(parts));
      }
    } catch (IOException e) {
      throw new WeirException("Cannot restore the keyed state of operator '" + description + "' from "
          + restore.directory() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<byte[]> restoredOperatorState() {
    CheckpointMetadata.OperatorState state = restoredState();
    if (state == null || subtask != 0) {
      return List.of();
    }
    List<byte[]> all = new ArrayList<>();
    for (CheckpointMetadata.SubtaskState s : state.subtasks()) {
      if (s.operatorState().length > 0) {
        all.add(s.operatorState());
      }
    }
    return all;
  }
}
