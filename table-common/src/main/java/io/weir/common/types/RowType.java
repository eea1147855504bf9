package io.weir.common.types;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The schema of a stream of rows: named, typed columns in order. */
public record RowType(List<Column> columns) {

  /** One column of a {@link RowType}. */
  public record Column(String name, LogicalType type) {
    public Column {
      requireNonNull(name, "name");
      requireNonNull(type, "type");
    }

    @Override
    public String toString() {
      return "`" + name + "` " + type.asSummaryString();
    }
  }

  @JsonCreator
  public RowType(@JsonProperty("columns") List<Column> columns) {
    this.columns = List.copyOf(requireNonNull(columns, "columns"));
  }

  public static RowType of(Column... columns) {
    return new RowType(List.of(columns));
  }

  public static Builder builder() {
    return new Builder();
  }

  public int arity() {
    return columns.size();
  }

  public List<String> names() {
    return columns.stream().map(Column::name).collect(Collectors.toList());
  }

  public List<LogicalType> types() {
    return columns.stream().map(Column::type).collect(Collectors.toList());
  }

  public LogicalType type(int index) {
    return columns.get(index).type();
  }

  public String name(int index) {
    return columns.get(index).name();
  }

  /** The index of the column named {@code name}, or -1. */
  public int indexOf(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** This schema restricted to {@code fields}, in that order. */
  public RowType project(int[] fields) {
    List<Column> projected = new ArrayList<>(fields.length);
    for (int f : fields) {
      projected.add(columns.get(f));
    }
    return new RowType(projected);
  }

  /** This schema as a ROW type. */
  public LogicalType toLogicalType() {
    return LogicalType.row(
        columns.stream().map(c -> new LogicalType.Field(c.name(), c.type())).collect(Collectors.toList()));
  }

  @Override
  public String toString() {
    return columns.stream().map(Column::toString).collect(Collectors.joining(", ", "(", ")"));
  }

  /** Builds a {@link RowType} column by column. */
  public static final class Builder {
    private final List<Column> columns = new ArrayList<>();

    public Builder add(String name, LogicalType type) {
      columns.add(new Column(name, type));
      return this;
    }

    public RowType build() {
      return new RowType(columns);
    }
  }
}
