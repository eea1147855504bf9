package io.weir.checkpointing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.checkpointing.CheckpointCoordinator.TaskState;
import io.weir.checkpointing.CheckpointMetadata.SubtaskState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointCoordinatorTest {
  @TempDir Path dir;

  private final LinkedBlockingQueue<CheckpointTarget> triggered = new LinkedBlockingQueue<>();
  private final List<Long> completed = new CopyOnWriteArrayList<>();
  private final List<Long> aborted = new CopyOnWriteArrayList<>();
  private CheckpointCoordinator coordinator;

  private CheckpointCoordinator coordinator(int tasks, Duration timeout, int retained) {
    coordinator = new CheckpointCoordinator("job", new CheckpointStorage(dir.resolve("job")), tasks, 128,
        new CheckpointCoordinator.Settings(Duration.ZERO, timeout, Duration.ZERO, retained),
        new CheckpointCoordinator.Tasks() {
          @Override public void trigger(CheckpointTarget target) { triggered.add(target); }
          @Override public void notifyComplete(long id) { completed.add(id); }
          @Override public void notifyAborted(long id) { aborted.add(id); }
        }, null);
    return coordinator;
  }

  @AfterEach
  void close() {
    if (coordinator != null) {
      coordinator.close();
    }
  }

  private static List<TaskState> state(int subtask, String... sharedFiles) {
    return List.of(new TaskState("agg", "GroupAggregate(groupBy=[k])", 2,
        new SubtaskState(subtask, new byte[] {1, 2, 3}, new byte[0], List.of(sharedFiles))));
  }

  private CheckpointTarget next() throws InterruptedException {
    CheckpointTarget t = triggered.poll(10, TimeUnit.SECONDS);
    assertTrue(t != null, "a checkpoint was triggered");
    return t;
  }

  @Test
  void completesWhenEveryTaskAckedAndWritesMetadataLast() throws Exception {
    coordinator(2, Duration.ofMinutes(1), 1);
    assertTrue(coordinator.triggerCheckpoint());
    CheckpointTarget t = next();
    assertFalse(coordinator.triggerCheckpoint(), "one checkpoint at a time");
    coordinator.acknowledge(t.checkpointId(), 0, state(0));
    assertFalse(Files.exists(t.exclusivePath().resolve(CheckpointStorage.METADATA)), "not complete with one of two acks");
    coordinator.acknowledge(t.checkpointId(), 1, state(1));
    assertEquals(List.of(t.checkpointId()), completed);

    CompletedCheckpoint loaded = CheckpointStorage.load(t.exclusivePath());
    assertEquals(t.checkpointId(), loaded.id());
    assertEquals(dir.resolve("job").toAbsolutePath().normalize(), loaded.root());
    CheckpointMetadata.OperatorState agg = loaded.metadata().operator("agg").orElseThrow();
    assertEquals(2, agg.subtasks().size());
    assertEquals("GroupAggregate(groupBy=[k])", agg.description());
    assertEquals(coordinator.latest().id(), loaded.id());
  }

  @Test
  void aDeclinedOrTimedOutCheckpointIsAbortedAndItsDirectoryDeleted() throws Exception {
    coordinator(1, Duration.ofMillis(200), 1);
    coordinator.triggerCheckpoint();
    CheckpointTarget declined = next();
    coordinator.decline(declined.checkpointId(), "task 'Sink (1/1)' failed to snapshot: disk full");
    assertFalse(Files.exists(declined.exclusivePath()));
    assertTrue(coordinator.lastFailure().contains("disk full"), coordinator.lastFailure());

    coordinator.triggerCheckpoint();
    CheckpointTarget timedOut = next();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (coordinator.abortedCount() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(2, coordinator.abortedCount());
    assertTrue(coordinator.lastFailure().contains("did not complete within"), coordinator.lastFailure());
    assertFalse(Files.exists(timedOut.exclusivePath()));
    coordinator.acknowledge(timedOut.checkpointId(), 0, state(0));
    assertTrue(completed.isEmpty(), "a late acknowledgement does not complete an aborted checkpoint");
  }

  @Test
  void retentionKeepsTheNewestAndOnlyTheSharedFilesTheyReference() throws Exception {
    coordinator(1, Duration.ofMinutes(1), 2);
    Path shared = dir.resolve("job").resolve(CheckpointStorage.SHARED);
    String[][] referenced = {{"shared/a.sst", "shared/b.sst"}, {"shared/b.sst", "shared/c.sst"}, {"shared/c.sst", "shared/d.sst"}};
    long[] ids = new long[3];
    for (int i = 0; i < 3; i++) {
      coordinator.triggerCheckpoint();
      CheckpointTarget t = next();
      ids[i] = t.checkpointId();
      for (String f : referenced[i]) {
        Path file = t.root().resolve(f);
        if (!Files.exists(file)) {
          Files.writeString(file, f);
        }
      }
      Files.writeString(shared.resolve("orphan-" + i + ".sst"), "from an aborted checkpoint");
      coordinator.acknowledge(t.checkpointId(), 0, state(0, referenced[i]));
    }
    CheckpointStorage storage = new CheckpointStorage(dir.resolve("job"));
    assertEquals(List.of(ids[1], ids[2]), storage.completedIds());
    assertFalse(Files.exists(shared.resolve("a.sst")), "only the dropped checkpoint referenced it");
    assertTrue(Files.exists(shared.resolve("b.sst")) && Files.exists(shared.resolve("c.sst")) && Files.exists(shared.resolve("d.sst")));
    assertFalse(Files.exists(shared.resolve("orphan-2.sst")), "unreferenced shared files are deleted");
  }

  @Test
  void aSavepointWaitsForTheCheckpointInProgressAndIsSelfContained() throws Exception {
    coordinator(1, Duration.ofMinutes(1), 1);
    coordinator.triggerCheckpoint();
    CheckpointTarget checkpoint = next();
    var savepoint = coordinator.triggerSavepoint(dir.resolve("savepoints"));
    assertTrue(triggered.isEmpty(), "the savepoint waits");
    coordinator.acknowledge(checkpoint.checkpointId(), 0, state(0));
    CheckpointTarget sp = next();
    assertTrue(sp.savepoint());
    coordinator.acknowledge(sp.checkpointId(), 0, state(0));
    CompletedCheckpoint done = savepoint.get(10, TimeUnit.SECONDS);
    assertTrue(done.metadata().savepoint());
    assertEquals(done.directory(), done.root(), "a savepoint's files are relative to itself");
    assertEquals(checkpoint.checkpointId(), coordinator.latest().id(), "savepoints are not used for recovery");
  }

  @Test
  void closingFailsWhatIsInProgress() throws Exception {
    coordinator(1, Duration.ofMinutes(1), 1);
    coordinator.triggerCheckpoint();
    next();
    var savepoint = coordinator.triggerSavepoint(dir.resolve("savepoints"));
    coordinator.close();
    ExecutionException e = assertThrows(ExecutionException.class, () -> savepoint.get(10, TimeUnit.SECONDS));
    assertTrue(e.getCause().getMessage().contains("stopped"), e.getCause().getMessage());
    assertFalse(coordinator.triggerCheckpoint());
  }

  @Test
  void loadNamesWhatIsNotACheckpoint() {
    var e = assertThrows(java.io.IOException.class, () -> CheckpointStorage.load(dir));
    assertTrue(e.getMessage().contains("not a completed checkpoint or savepoint"), e.getMessage());
  }
}
