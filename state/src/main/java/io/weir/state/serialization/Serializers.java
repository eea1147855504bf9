package io.weir.state.serialization;

import static java.util.Objects.requireNonNull;

import io.weir.common.types.LogicalType;
import io.weir.state.internal.Binary;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Serializers of the values a {@link io.weir.common.data.Row} holds, and {@link #forType} to pick
 * the one for a SQL type. {@link RowSerializer}, {@link ListSerializer} and {@link MapSerializer}
 * compose them.
 */
public final class Serializers {
  private Serializers() {}

  public static final TypeSerializer<Boolean> BOOLEAN =
      new Fixed<>("BOOLEAN") {
        @Override
        public void serialize(Boolean value, DataOutput out) throws IOException {
          out.writeBoolean(value);
        }

        @Override
        public Boolean deserialize(DataInput in) throws IOException {
          return in.readBoolean();
        }
      };

  public static final TypeSerializer<Byte> BYTE =
      new Fixed<>("TINYINT") {
        @Override
        public void serialize(Byte value, DataOutput out) throws IOException {
          out.writeByte(value);
        }

        @Override
        public Byte deserialize(DataInput in) throws IOException {
          return in.readByte();
        }
      };

  public static final TypeSerializer<Short> SHORT =
      new Fixed<>("SMALLINT") {
        @Override
        public void serialize(Short value, DataOutput out) throws IOException {
          out.writeShort(value);
        }

        @Override
        public Short deserialize(DataInput in) throws IOException {
          return in.readShort();
        }
      };

  /** Also DATE (epoch days), TIME (millis of day) and INTERVAL YEAR TO MONTH (months). */
  public static final TypeSerializer<Integer> INT =
      new Fixed<>("INT") {
        @Override
        public void serialize(Integer value, DataOutput out) throws IOException {
          out.writeInt(value);
        }

        @Override
        public Integer deserialize(DataInput in) throws IOException {
          return in.readInt();
        }
      };

  /** Also TIMESTAMP, TIMESTAMP_LTZ (epoch millis) and INTERVAL DAY TO SECOND (millis). */
  public static final TypeSerializer<Long> LONG =
      new Fixed<>("BIGINT") {
        @Override
        public void serialize(Long value, DataOutput out) throws IOException {
          out.writeLong(value);
        }

        @Override
        public Long deserialize(DataInput in) throws IOException {
          return in.readLong();
        }
      };

  public static final TypeSerializer<Float> FLOAT =
      new Fixed<>("FLOAT") {
        @Override
        public void serialize(Float value, DataOutput out) throws IOException {
          out.writeFloat(value);
        }

        @Override
        public Float deserialize(DataInput in) throws IOException {
          return in.readFloat();
        }
      };

  public static final TypeSerializer<Double> DOUBLE =
      new Fixed<>("DOUBLE") {
        @Override
        public void serialize(Double value, DataOutput out) throws IOException {
          out.writeDouble(value);
        }

        @Override
        public Double deserialize(DataInput in) throws IOException {
          return in.readDouble();
        }
      };

  /**
   * Any precision and scale: the scale is written with each value, so {@code 1.50} comes back as
   * {@code 1.50}, not {@code 1.5} (they are not {@code equals}).
   */
  public static final TypeSerializer<BigDecimal> DECIMAL =
      new Fixed<>("DECIMAL") {
        @Override
        public void serialize(BigDecimal value, DataOutput out) throws IOException {
          out.writeInt(value.scale());
          Binary.writeBytes(out, value.unscaledValue().toByteArray());
        }

        @Override
        public BigDecimal deserialize(DataInput in) throws IOException {
          int scale = in.readInt();
          return new BigDecimal(new BigInteger(Binary.readBytes(in)), scale);
        }
      };

  /** CHAR and VARCHAR: UTF-8, any length. */
  public static final TypeSerializer<String> STRING =
      new Fixed<>("STRING") {
        @Override
        public void serialize(String value, DataOutput out) throws IOException {
          Binary.writeString(out, value);
        }

        @Override
        public String deserialize(DataInput in) throws IOException {
          return Binary.readString(in);
        }
      };

  /** BINARY and VARBINARY. */
  public static final TypeSerializer<byte[]> BYTES =
      new Fixed<>("BYTES") {
        @Override
        public void serialize(byte[] value, DataOutput out) throws IOException {
          Binary.writeBytes(out, value);
        }

        @Override
        public byte[] deserialize(DataInput in) throws IOException {
          return Binary.readBytes(in);
        }
      };

  /** The SQL NULL type: its only value is null, so nothing is written. */
  public static final TypeSerializer<Object> NULL =
      new Fixed<>("NULL") {
        @Override
        public void serialize(Object value, DataOutput out) {}

        @Override
        public Object deserialize(DataInput in) {
          return null;
        }
      };

  /**
   * The serializer of the internal values of {@code type} (see {@link LogicalType}'s class
   * comment). Nullability and names do not change the binary format, so they are not part of the
   * signature: {@code VARCHAR(10)} and {@code STRING NOT NULL} share one. MULTISET values are
   * {@code java.util.Map}s from element to {@code Integer} count, as in Flink.
   */
  @SuppressWarnings("unchecked")
  public static TypeSerializer<Object> forType(LogicalType type) {
    requireNonNull(type, "type");
    TypeSerializer<?> serializer =
        switch (type.root()) {
          case BOOLEAN -> BOOLEAN;
          case TINYINT -> BYTE;
          case SMALLINT -> SHORT;
          case INTEGER, DATE, TIME, INTERVAL_YEAR_MONTH -> INT;
          case BIGINT, TIMESTAMP, TIMESTAMP_LTZ, INTERVAL_DAY_TIME -> LONG;
          case FLOAT -> FLOAT;
          case DOUBLE -> DOUBLE;
          case DECIMAL -> DECIMAL;
          case CHAR, VARCHAR -> STRING;
          case BINARY, VARBINARY -> BYTES;
          case ARRAY -> new ListSerializer<>(forType(type.elementType()));
          case MULTISET -> new MapSerializer<>(forType(type.elementType()), INT);
          case MAP ->
              new MapSerializer<>(
                  forType(type.children().get(0).type()), forType(type.children().get(1).type()));
          case ROW ->
              new RowSerializer(type.children().stream().map(LogicalType.Field::type).toList());
          case NULL -> NULL;
        };
    return (TypeSerializer<Object>) serializer;
  }

  /** A serializer whose signature is a constant. */
  private abstract static class Fixed<T> implements TypeSerializer<T> {
    private final String signature;

    Fixed(String signature) {
      this.signature = signature;
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
}
