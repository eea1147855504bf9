package io.weir.common.types;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A SQL type: its root, nullability, precision/scale where the root has them, and its children
 * (ARRAY: one child named {@code element}; MAP: {@code key} and {@code value}; ROW: the fields).
 *
 * <p>Internal values (what a {@link io.weir.common.data.Row} holds) by root: BOOLEAN Boolean,
 * TINYINT Byte, SMALLINT Short, INTEGER Integer, BIGINT Long, FLOAT Float, DOUBLE Double,
 * DECIMAL BigDecimal, CHAR/VARCHAR String, BINARY/VARBINARY byte[], DATE Integer (epoch days),
 * TIME Integer (millis of day), TIMESTAMP and TIMESTAMP_LTZ Long (epoch millis),
 * INTERVAL_DAY_TIME Long (millis), INTERVAL_YEAR_MONTH Integer (months), ARRAY java.util.List,
 * MAP java.util.Map, ROW {@link io.weir.common.data.Row}.
 */
public record LogicalType(
    TypeRoot root, boolean nullable, int precision, int scale, List<Field> children) {

  /** Precision of a VARCHAR declared as STRING, as in Flink. */
  public static final int MAX_LENGTH = Integer.MAX_VALUE;

  /** A named child type: a ROW field, or an ARRAY's element, a MAP's key and value. */
  public record Field(String name, LogicalType type) {
    public Field {
      requireNonNull(name, "name");
      requireNonNull(type, "type");
    }
  }

  @JsonCreator
  public LogicalType(
      @JsonProperty("root") TypeRoot root,
      @JsonProperty("nullable") boolean nullable,
      @JsonProperty("precision") int precision,
      @JsonProperty("scale") int scale,
      @JsonProperty("children") List<Field> children) {
    this.root = requireNonNull(root, "root");
    this.nullable = nullable;
    this.precision = precision;
    this.scale = scale;
    this.children = children == null ? List.of() : List.copyOf(children);
  }

  private static LogicalType of(TypeRoot root) {
    return new LogicalType(root, true, 0, 0, List.of());
  }

  public static LogicalType bool() { return of(TypeRoot.BOOLEAN); }
  public static LogicalType tinyint() { return of(TypeRoot.TINYINT); }
  public static LogicalType smallint() { return of(TypeRoot.SMALLINT); }
  public static LogicalType integer() { return of(TypeRoot.INTEGER); }
  public static LogicalType bigint() { return of(TypeRoot.BIGINT); }
  public static LogicalType floatType() { return of(TypeRoot.FLOAT); }
  public static LogicalType doubleType() { return of(TypeRoot.DOUBLE); }
  public static LogicalType date() { return of(TypeRoot.DATE); }
  public static LogicalType nullType() { return of(TypeRoot.NULL); }
  public static LogicalType string() { return varchar(MAX_LENGTH); }
  public static LogicalType bytes() { return new LogicalType(TypeRoot.VARBINARY, true, MAX_LENGTH, 0, List.of()); }

  public static LogicalType varchar(int length) {
    return new LogicalType(TypeRoot.VARCHAR, true, length, 0, List.of());
  }

  public static LogicalType chr(int length) {
    return new LogicalType(TypeRoot.CHAR, true, length, 0, List.of());
  }

  public static LogicalType decimal(int precision, int scale) {
    return new LogicalType(TypeRoot.DECIMAL, true, precision, scale, List.of());
  }

  public static LogicalType time(int precision) {
    return new LogicalType(TypeRoot.TIME, true, precision, 0, List.of());
  }

  public static LogicalType timestamp(int precision) {
    return new LogicalType(TypeRoot.TIMESTAMP, true, precision, 0, List.of());
  }

  public static LogicalType timestampLtz(int precision) {
    return new LogicalType(TypeRoot.TIMESTAMP_LTZ, true, precision, 0, List.of());
  }

  public static LogicalType intervalDayTime() { return of(TypeRoot.INTERVAL_DAY_TIME); }
  public static LogicalType intervalYearMonth() { return of(TypeRoot.INTERVAL_YEAR_MONTH); }

  public static LogicalType array(LogicalType element) {
    return new LogicalType(TypeRoot.ARRAY, true, 0, 0, List.of(new Field("element", element)));
  }

  public static LogicalType multiset(LogicalType element) {
    return new LogicalType(TypeRoot.MULTISET, true, 0, 0, List.of(new Field("element", element)));
  }

  public static LogicalType map(LogicalType key, LogicalType value) {
    return new LogicalType(
        TypeRoot.MAP, true, 0, 0, List.of(new Field("key", key), new Field("value", value)));
  }

  public static LogicalType row(List<Field> fields) {
    return new LogicalType(TypeRoot.ROW, true, 0, 0, fields);
  }

  public LogicalType notNull() {
    return withNullable(false);
  }

  public LogicalType withNullable(boolean isNullable) {
    return isNullable == nullable ? this : new LogicalType(root, isNullable, precision, scale, children);
  }

  /** The element type of an ARRAY or MULTISET. */
  public LogicalType elementType() {
    return children.get(0).type();
  }

  /** The field names of a ROW. */
  public List<String> fieldNames() {
    return children.stream().map(Field::name).collect(Collectors.toList());
  }

  /** The type as Flink prints it: {@code STRING}, {@code TIMESTAMP(3)}, {@code DECIMAL(10, 2)}. */
  public String asSummaryString() {
    String base =
        switch (root) {
          case VARCHAR -> precision == MAX_LENGTH ? "STRING" : "VARCHAR(" + precision + ")";
          case CHAR -> "CHAR(" + precision + ")";
          case VARBINARY -> precision == MAX_LENGTH ? "BYTES" : "VARBINARY(" + precision + ")";
          case BINARY -> "BINARY(" + precision + ")";
          case DECIMAL -> "DECIMAL(" + precision + ", " + scale + ")";
          case TIME -> "TIME(" + precision + ")";
          case TIMESTAMP -> "TIMESTAMP(" + precision + ")";
          case TIMESTAMP_LTZ -> "TIMESTAMP_LTZ(" + precision + ")";
          case INTEGER -> "INT";
          case INTERVAL_DAY_TIME -> "INTERVAL SECOND(3)";
          case INTERVAL_YEAR_MONTH -> "INTERVAL MONTH";
          case ARRAY -> "ARRAY<" + elementType().asSummaryString() + ">";
          case MULTISET -> "MULTISET<" + elementType().asSummaryString() + ">";
          case MAP ->
              "MAP<" + children.get(0).type().asSummaryString() + ", "
                  + children.get(1).type().asSummaryString() + ">";
          case ROW ->
              children.stream()
                  .map(f -> "`" + f.name() + "` " + f.type().asSummaryString())
                  .collect(Collectors.joining(", ", "ROW<", ">"));
          default -> root.name();
        };
    return nullable ? base : base + " NOT NULL";
  }

  @Override
  public String toString() {
    return asSummaryString();
  }
}
