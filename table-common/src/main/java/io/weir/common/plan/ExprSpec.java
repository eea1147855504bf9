package io.weir.common.plan;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.weir.common.types.LogicalType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A scalar expression over the fields of one input row, as data. The runtime compiles it once per
 * operator into closures; nothing walks this tree per row.
 *
 * <p>Functions are named by their SQL name in upper case ({@code =}, {@code AND}, {@code CAST},
 * {@code CASE}, {@code UPPER}, {@code DATE_FORMAT}…); the runtime's function registry knows each.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ExprSpec.InputRef.class, name = "input"),
  @JsonSubTypes.Type(value = ExprSpec.Literal.class, name = "literal"),
  @JsonSubTypes.Type(value = ExprSpec.Call.class, name = "call")
})
public sealed interface ExprSpec {

  /** The type of the value this expression produces. */
  LogicalType type();

  /** Renders the expression with input fields named by {@code fieldNames}, for EXPLAIN. */
  String explain(List<String> fieldNames);

  /** Field {@code index} of the input row. */
  record InputRef(int index, LogicalType type) implements ExprSpec {
    public InputRef {
      requireNonNull(type, "type");
      if (index < 0) {
        throw new IllegalArgumentException("input index must be >= 0 but was " + index);
      }
    }

    @Override
    public String explain(List<String> fieldNames) {
      return index < fieldNames.size() ? fieldNames.get(index) : "$" + index;
    }
  }

  /** A constant, in internal form (see {@link LogicalType}); {@code null} is SQL NULL. */
  record Literal(Object value, LogicalType type) implements ExprSpec {
    public Literal {
      requireNonNull(type, "type");
    }

    @Override
    public String explain(List<String> fieldNames) {
      if (value == null) {
        return "null:" + type.asSummaryString();
      }
      return value instanceof String s ? "'" + s.replace("'", "''") + "'" : String.valueOf(value);
    }
  }

  /**
   * A call of the function {@code function} on {@code operands}: a built-in, or, when {@code
   * functionClass} is set, the user-defined {@link io.weir.common.functions.ScalarFunction} of that
   * class (registered under the name {@code function}).
   */
  record Call(String function, List<ExprSpec> operands, LogicalType type,
      @JsonInclude(JsonInclude.Include.NON_NULL) String functionClass) implements ExprSpec {
    public Call {
      requireNonNull(function, "function");
      requireNonNull(type, "type");
      operands = List.copyOf(operands);
    }

    /** A call of the built-in {@code function}. */
    public Call(String function, List<ExprSpec> operands, LogicalType type) {
      this(function, operands, type, null);
    }

    /** Whether this calls a user-defined function. */
    public boolean isUserDefined() {
      return functionClass != null;
    }

    @Override
    public String explain(List<String> fieldNames) {
      if (function.equals("CAST")) {
        return "CAST(" + operands.get(0).explain(fieldNames) + " AS " + type.asSummaryString() + ")";
      }
      return operands.stream()
          .map(o -> o.explain(fieldNames))
          .collect(Collectors.joining(", ", function + "(", ")"));
    }
  }
}
