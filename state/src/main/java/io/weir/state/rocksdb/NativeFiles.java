package io.weir.state.rocksdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** File moves of native checkpoints: hard links where possible, copies otherwise. */
final class NativeFiles {
  private NativeFiles() {}

  /**
   * Makes {@code target} hold {@code source}'s content: a hard link (SST files are immutable, so
   * sharing the inode is safe and costs nothing), else a copy written under a temporary name and
   * renamed, so a crash never leaves a half-written file under the final name.
   */
  static void linkOrCopy(Path source, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    try {
      Files.createLink(target, source);
      return;
    } catch (FileAlreadyExistsException e) {
      throw e;
    } catch (IOException | UnsupportedOperationException e) {
      // Another file system, or no hard links: copy.
    }
    copy(source, target);
  }

  /** Copies {@code source} to {@code target} through a temporary file and an atomic rename. */
  static void copy(Path source, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    Path temp = target.resolveSibling(target.getFileName() + ".inprogress");
    Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  /** The regular files directly in {@code dir}, by name. */
  static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> list = new ArrayList<>(files.filter(Files::isRegularFile).toList());
      list.sort(Comparator.comparing(p -> p.getFileName().toString()));
      return list;
    }
  }

  /** Deletes {@code dir} and everything under it, if it exists. */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        try {
          Files.delete(p);
        } catch (NoSuchFileException ignored) {
          // Deleted concurrently: fine.
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The SST file name an uploaded shared file was made from: {@code <instance id>-<name>}. */
  static String localName(String sharedPath) {
    String fileName = sharedPath.substring(sharedPath.lastIndexOf('/') + 1);
    return fileName.substring(fileName.indexOf('-') + 1);
  }
}
