package io.weir.state.serialization;

import static java.util.Objects.requireNonNull;

import io.weir.common.data.Row;
import io.weir.common.data.RowKind;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Serializes a {@link Row} of a fixed schema: its {@link RowKind}, a null bitmap, then each
 * non-null field with the serializer {@link Serializers#forType} picks for the field's type.
 *
 * <p>Layout: {@code kind:byte | nulls:ceil(arity/8) bytes, bit i set = field i is null |
 * fields}. The kind is written as a fixed code (not the enum ordinal), so reordering {@link
 * RowKind} cannot corrupt old snapshots.
 */
public final class RowSerializer implements TypeSerializer<Row> {
  private final TypeSerializer<Object>[] fieldSerializers;
  private final String signature;

  public RowSerializer(RowType rowType) {
    this(requireNonNull(rowType, "rowType").types());
  }

  @SuppressWarnings("unchecked")
  public RowSerializer(List<LogicalType> fieldTypes) {
    requireNonNull(fieldTypes, "fieldTypes");
    this.fieldSerializers = new TypeSerializer[fieldTypes.size()];
    for (int i = 0; i < fieldSerializers.length; i++) {
      fieldSerializers[i] = Serializers.forType(fieldTypes.get(i));
    }
    this.signature =
        fieldTypes.isEmpty()
            ? "ROW<>"
            : List.of(fieldSerializers).stream()
                .map(TypeSerializer::signature)
                .collect(Collectors.joining(", ", "ROW<", ">"));
  }

  public int arity() {
    return fieldSerializers.length;
  }

  @Override
  public void serialize(Row row, DataOutput out) throws IOException {
    int arity = fieldSerializers.length;
    if (row.arity() != arity) {
      throw new IllegalArgumentException(
          "Row " + row + " has " + row.arity() + " fields but the serializer expects " + arity
              + ": " + signature);
    }
    out.writeByte(kindCode(row.kind()));
    for (int base = 0; base < arity; base += 8) {
      int bits = 0;
      for (int i = base; i < Math.min(base + 8, arity); i++) {
        if (row.isNullAt(i)) {
          bits |= 1 << (i - base);
        }
      }
      out.writeByte(bits);
    }
    for (int i = 0; i < arity; i++) {
      Object field = row.field(i);
      if (field != null) {
        fieldSerializers[i].serialize(field, out);
      }
    }
  }

  @Override
  public Row deserialize(DataInput in) throws IOException {
    RowKind kind = kindOf(in.readByte());
    int arity = fieldSerializers.length;
    byte[] nulls = new byte[(arity + 7) >>> 3];
    in.readFully(nulls);
    Object[] fields = new Object[arity];
    for (int i = 0; i < arity; i++) {
      if ((nulls[i >>> 3] & (1 << (i & 7))) == 0) {
        fields[i] = fieldSerializers[i].deserialize(in);
      }
    }
    return Row.ofKind(kind, fields);
  }

  private static int kindCode(RowKind kind) {
    return switch (kind) {
      case INSERT -> 0;
      case UPDATE_BEFORE -> 1;
      case UPDATE_AFTER -> 2;
      case DELETE -> 3;
    };
  }

  private static RowKind kindOf(byte code) throws IOException {
    return switch (code) {
      case 0 -> RowKind.INSERT;
      case 1 -> RowKind.UPDATE_BEFORE;
      case 2 -> RowKind.UPDATE_AFTER;
      case 3 -> RowKind.DELETE;
      default -> throw new IOException("Corrupt row: unknown row kind code " + code);
    };
  }

  @Override
  public String signature() {
    return signature;
  }

  @Override
  public String toString() {
    return "Serializer(" + signature + ")";
  }
}
