package io.weir.connectors.filesystem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files a path stands for: the path itself when it is a file; otherwise the regular files under
 * the directory, nested directories included, sorted by path. Files and directories whose name
 * starts with {@code .} or {@code _} are skipped, as Flink does — among them the sink's in-progress
 * files.
 */
final class FileListing {
  private FileListing() {}

  static List<Path> list(Path root) {
    if (Files.isRegularFile(root)) {
      return List.of(root);
    }
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(root)) {
      collect(root, files);
    }
    files.sort(null);
    return files;
  }

  private static void collect(Path dir, List<Path> files) {
    List<Path> children;
    try (Stream<Path> s = Files.list(dir)) {
      children = s.toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list directory '" + dir + "'", e);
    }
    for (Path child : children) {
      if (isHidden(child)) {
        continue;
      }
      if (Files.isDirectory(child)) {
        collect(child, files);
      } else if (Files.isRegularFile(child)) {
        files.add(child);
      }
    }
  }

  static boolean isHidden(Path path) {
    String name = path.getFileName().toString();
    return name.startsWith(".") || name.startsWith("_");
  }
}
