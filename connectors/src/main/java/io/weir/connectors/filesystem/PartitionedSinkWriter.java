package io.weir.connectors.filesystem;

import io.weir.common.data.Row;
import io.weir.common.data.ValueFormatter;
import io.weir.common.types.RowType;
import io.weir.runtime.connector.SinkWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes one sink task's rows of a {@code PARTITIONED BY} table: each row into the directory of its
 * partition, {@code k1=v1/k2=v2/} under the table's path (values as {@code CAST(v AS STRING)} gives
 * them, escaped as Flink and Hive escape path names, {@code __DEFAULT_PARTITION__} for NULL), without
 * its partition columns, through one {@link FileSinkWriter} per partition the task has seen.
 *
 * <p>Committables are the partition directory, a slash, and the part's staged name, so a restored
 * task commits into the right directory even for partitions it has not written since.
 */
final class PartitionedSinkWriter implements SinkWriter {
  static final String DEFAULT_PARTITION = "__DEFAULT_PARTITION__";

  private final Path root;
  private final RowType type;
  private final int[] partitionFields;
  private final int[] dataFields;
  private final Function<Path, FileSinkWriter> writerFor;
  private final Map<String, FileSinkWriter> writers = new LinkedHashMap<>();

  /**
   * @param dataFields the fields written into the files (all but the partition fields), in order
   * @param writerFor creates the writer of one partition directory
   */
  PartitionedSinkWriter(Path root, RowType type, int[] partitionFields, int[] dataFields,
      Function<Path, FileSinkWriter> writerFor) {
    this.root = root;
    this.type = type;
    this.partitionFields = partitionFields;
    this.dataFields = dataFields;
    this.writerFor = writerFor;
  }

  @Override
  public void write(Row row) throws Exception {
    writer(partitionPath(row)).write(project(row));
  }

  private FileSinkWriter writer(String partition) {
    return writers.computeIfAbsent(partition, p -> writerFor.apply(root.resolve(p)));
  }

  /** {@code dt=2024-01-01/hm=10%3A05}. */
  String partitionPath(Row row) {
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < partitionFields.length; i++) {
      int f = partitionFields[i];
      String value = ValueFormatter.format(row.field(f), type.type(f), null, ZoneOffset.UTC);
      if (i > 0) {
        path.append('/');
      }
      path.append(escape(type.names().get(f))).append('=')
          .append(value == null || value.isEmpty() ? DEFAULT_PARTITION : escape(value));
    }
    return path.toString();
  }

  private Row project(Row row) {
    Object[] values = new Object[dataFields.length];
    for (int i = 0; i < dataFields.length; i++) {
      values[i] = row.field(dataFields[i]);
    }
    return Row.ofKind(row.kind(), values);
  }

  /** Escapes the characters a path segment must not hold as {@code %XX}, as Hive and Flink do. */
  static String escape(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (needsEscape(c)) {
        if (out == null) {
          out = new StringBuilder(s.length() + 8).append(s, 0, i);
        }
        out.append('%').append(String.format("%02X", (int) c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }

  private static boolean needsEscape(char c) {
    return c < ' ' || c == 0x7F || "\"#%'*/:=?\\{[]^".indexOf(c) >= 0;
  }

  @Override
  public void flush() throws Exception {
    for (FileSinkWriter w : writers.values()) {
      w.flush();
    }
  }

  @Override
  public void close() throws Exception {
    flush();
  }

  @Override
  public List<String> prepareCommit(long checkpointId) throws Exception {
    List<String> staged = new ArrayList<>();
    for (Map.Entry<String, FileSinkWriter> e : writers.entrySet()) {
      for (String name : e.getValue().prepareCommit(checkpointId)) {
        staged.add(e.getKey() + "/" + name);
      }
    }
    return staged;
  }

  @Override
  public void commit(List<String> committables) throws Exception {
    Map<String, List<String>> byPartition = new LinkedHashMap<>();
    for (String c : committables) {
      int slash = c.lastIndexOf('/');
      byPartition.computeIfAbsent(c.substring(0, slash), p -> new ArrayList<>()).add(c.substring(slash + 1));
    }
    for (Map.Entry<String, List<String>> e : byPartition.entrySet()) {
      writer(e.getKey()).commit(e.getValue());
    }
  }

  @Override
  public void abort() throws Exception {
    for (FileSinkWriter w : writers.values()) {
      w.abort();
    }
  }
}
