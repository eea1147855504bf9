package io.weir.connectors.filesystem;

import io.weir.common.data.Row;
import io.weir.common.error.WeirException;
import io.weir.common.plan.ExprSpec;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import io.weir.formats.RecordDecoder;
import io.weir.runtime.expr.CompileContext;
import io.weir.runtime.expr.ExpressionCompiler;
import io.weir.runtime.expr.RowExpression;
import io.weir.runtime.format.FormatException;
import io.weir.runtime.format.FormatFactory;
import io.weir.runtime.format.RowDecoder;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The decoders of a {@code PARTITIONED BY} table's files: the format decodes the other columns
 * from each record, and the partition columns' values come from the file's directories ({@code
 * dt=2024-01-01/hm=10%3A00/part-…}), as {@link PartitionedSinkWriter} writes them: unescaped, then
 * cast from STRING to the column's type, {@code __DEFAULT_PARTITION__} as NULL.
 */
final class PartitionedDecoders implements Function<Path, RowDecoder> {
  private final Path root;
  private final DecoderFactory data;
  private final List<String> keyNames;
  private final RowExpression[] casts;
  /** Per read field: its index in the decoded data row, or {@code -1 - k} for partition key k. */
  private final int[] sources;

  /**
   * @param partitionFields physical indexes of the partition columns
   * @param readFields the physical fields to produce, in order
   */
  PartitionedDecoders(Path root, FormatFactory format, RowType physicalType, int[] partitionFields, int[] readFields,
      Map<String, String> formatOptions) {
    this.root = root.toAbsolutePath().normalize();
    int[] dataFields = FileSystemSink.dataFields(physicalType, partitionFields);
    RowType dataType = physicalType.project(dataFields);
    int[] dataRead = java.util.Arrays.stream(readFields).filter(f -> indexOf(dataFields, f) >= 0)
        .map(f -> indexOf(dataFields, f)).toArray();
    this.data = new DecoderFactory(format, dataType, dataRead, formatOptions);
    this.sources = new int[readFields.length];
    int decoded = 0;
    for (int i = 0; i < readFields.length; i++) {
      int k = indexOf(partitionFields, readFields[i]);
      sources[i] = k >= 0 ? -1 - k : decoded++;
    }
    this.keyNames = java.util.Arrays.stream(partitionFields).mapToObj(f -> physicalType.names().get(f)).toList();
    ExpressionCompiler compiler = new ExpressionCompiler(CompileContext.utc());
    this.casts = new RowExpression[partitionFields.length];
    for (int k = 0; k < partitionFields.length; k++) {
      LogicalType type = physicalType.type(partitionFields[k]);
      // CAST(field 0 of a one-field row AS type): how SQL turns the directory's text into a value.
      casts[k] = compiler.compile(new ExprSpec.Call("CAST",
          List.of(new ExprSpec.InputRef(0, LogicalType.string())), type));
    }
  }

  private static int indexOf(int[] values, int v) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == v) {
        return i;
      }
    }
    return -1;
  }

  /** Checks the format's options and types, as a decoder of the columns the files hold. */
  RowDecoder validate() {
    return data.create();
  }

  @Override
  public RowDecoder apply(Path file) {
    Object[] partition = partitionValues(file);
    RowDecoder inner = data.create();
    return inner instanceof RecordDecoder record ? new Record(record, partition) : new Plain(inner, partition);
  }

  private Object[] partitionValues(Path file) {
    Map<String, String> found = new HashMap<>();
    Path relative = root.relativize(file.toAbsolutePath().normalize()).getParent();
    for (int i = 0; relative != null && i < relative.getNameCount(); i++) {
      String segment = relative.getName(i).toString();
      int eq = segment.indexOf('=');
      if (eq > 0) {
        found.put(unescape(segment.substring(0, eq)), unescape(segment.substring(eq + 1)));
      }
    }
    Object[] values = new Object[keyNames.size()];
    for (int k = 0; k < values.length; k++) {
      String name = keyNames.get(k);
      if (!found.containsKey(name)) {
        throw new WeirException("File '" + file + "' is not in a partition directory '" + name + "=…' under '" + root
            + "', though the table is PARTITIONED BY " + keyNames);
      }
      String text = found.get(name);
      try {
        values[k] = text.equals(PartitionedSinkWriter.DEFAULT_PARTITION) ? null : casts[k].eval(Row.of(text));
      } catch (RuntimeException e) {
        throw new WeirException("File '" + file + "': partition value '" + text + "' of column '" + name
            + "' cannot be read: " + e.getMessage(), e);
      }
    }
    return values;
  }

  /** Undoes {@link PartitionedSinkWriter#escape}: {@code %XX} to the character. */
  private static String unescape(String s) {
    return s.indexOf('%') < 0 ? s : URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private Row assemble(Row decoded, Object[] partition) {
    Object[] out = new Object[sources.length];
    for (int i = 0; i < sources.length; i++) {
      int s = sources[i];
      out[i] = s >= 0 ? decoded.field(s) : partition[-1 - s];
    }
    return Row.ofKind(decoded.kind(), out);
  }

  /** Adds the partition values to each decoded row. */
  private class Plain implements RowDecoder {
    final RowDecoder inner;
    final Object[] partition;

    Plain(RowDecoder inner, Object[] partition) {
      this.inner = inner;
      this.partition = partition;
    }

    @Override
    public Row decode(byte[] record, int offset, int length) throws FormatException {
      Row row = inner.decode(record, offset, length);
      return row == null ? null : assemble(row, partition);
    }

    @Override
    public boolean decode(byte[] record, int offset, int length, Consumer<Row> out) throws FormatException {
      return inner.decode(record, offset, length, row -> out.accept(assemble(row, partition)));
    }
  }

  /** {@link Plain} for a line format that reports skipped, blank and continued records. */
  private final class Record extends Plain implements RecordDecoder {
    Record(RecordDecoder inner, Object[] partition) {
      super(inner, partition);
    }

    @Override
    public void setSkipListener(Consumer<String> listener) {
      ((RecordDecoder) inner).setSkipListener(listener);
    }

    @Override
    public boolean isIgnorable(byte[] line, int offset, int length) {
      return ((RecordDecoder) inner).isIgnorable(line, offset, length);
    }

    @Override
    public boolean isIncomplete(byte[] record, int offset, int length) {
      return ((RecordDecoder) inner).isIncomplete(record, offset, length);
    }
  }
}
