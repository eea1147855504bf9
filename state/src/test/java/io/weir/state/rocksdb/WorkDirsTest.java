package io.weir.state.rocksdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkDirsTest {
  @TempDir Path base;

  @Test
  void theSweepDeletesOnlyDirectoriesNoProcessHolds() throws Exception {
    // Left by a killed process: its lock file exists, but nobody holds the lock any more.
    Path dead = Files.createDirectories(base.resolve(WorkDirs.PREFIX + "dead"));
    Files.createFile(dead.resolve(".weir-lock"));
    Files.writeString(dead.resolve("some.sst"), "data");
    // Of an older Weir without locks: deleted once old, kept while it may still be in use.
    Path oldUnlocked = Files.createDirectories(base.resolve(WorkDirs.PREFIX + "old"));
    Files.setLastModifiedTime(oldUnlocked, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));
    Path recentUnlocked = Files.createDirectories(base.resolve(WorkDirs.PREFIX + "recent"));
    Path unrelated = Files.createDirectories(base.resolve("something-else"));
    try (WorkDirs.Held live = WorkDirs.create(base, "live")) {
      assertEquals(0, WorkDirs.sweep(base), "the first create swept already");
      assertFalse(Files.exists(dead));
      assertFalse(Files.exists(oldUnlocked));
      assertTrue(Files.exists(recentUnlocked));
      assertTrue(Files.exists(unrelated));
      assertTrue(Files.exists(live.dir), "held by this process");
    }
  }
}
