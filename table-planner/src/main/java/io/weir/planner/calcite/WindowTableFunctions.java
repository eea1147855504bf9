package io.weir.planner.calcite;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWindowTableFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlOperandMetadata;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Flink's window table functions: {@code TUMBLE}, {@code HOP}, {@code CUMULATE} and {@code
 * SESSION}. They take Calcite's operands but return Flink's columns: the input's, then {@code
 * window_start}, {@code window_end} (TIMESTAMP(3)) and {@code window_time} (the time column's
 * type at precision 3) — Calcite's own return no {@code window_time}, and it has no CUMULATE.
 */
public final class WindowTableFunctions {
  private WindowTableFunctions() {}

  public static final SqlWindowTableFunction TUMBLE =
      new FlinkWindowFunction("TUMBLE", (SqlOperandMetadata) SqlStdOperatorTable.TUMBLE.getOperandTypeChecker());
  public static final SqlWindowTableFunction HOP =
      new FlinkWindowFunction("HOP", (SqlOperandMetadata) SqlStdOperatorTable.HOP.getOperandTypeChecker());
  /** CUMULATE(TABLE t, DESCRIPTOR(ts), step, max_size [, offset]): HOP's operand shape. */
  public static final SqlWindowTableFunction CUMULATE =
      new FlinkWindowFunction("CUMULATE", (SqlOperandMetadata) SqlStdOperatorTable.HOP.getOperandTypeChecker());
  public static final SqlWindowTableFunction SESSION =
      new FlinkWindowFunction("SESSION", (SqlOperandMetadata) SqlStdOperatorTable.SESSION.getOperandTypeChecker());

  public static List<SqlOperator> all() {
    return List.of(TUMBLE, HOP, CUMULATE, SESSION);
  }

  public static boolean isWeirWindowFunction(SqlOperator op) {
    return op instanceof FlinkWindowFunction;
  }

  private static final class FlinkWindowFunction extends SqlWindowTableFunction {
    FlinkWindowFunction(String name, SqlOperandMetadata operands) {
      super(name, operands);
    }

    @Override
    public SqlReturnTypeInference getRowTypeInference() {
      return binding -> {
        RelDataTypeFactory f = binding.getTypeFactory();
        RelDataType input = binding.getOperandType(0);
        RelDataType timeType = f.createSqlType(SqlTypeName.TIMESTAMP, 3);
        String timeColumn = descriptorColumn(binding);
        for (RelDataTypeField field : input.getFieldList()) {
          if (field.getName().equals(timeColumn)
              && field.getType().getSqlTypeName() == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE) {
            timeType = f.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3);
          }
        }
        return f.builder()
            .kind(input.getStructKind())
            .addAll(input.getFieldList())
            .add("window_start", f.createSqlType(SqlTypeName.TIMESTAMP, 3))
            .add("window_end", f.createSqlType(SqlTypeName.TIMESTAMP, 3))
            .add("window_time", timeType)
            .build();
      };
    }

    private static String descriptorColumn(org.apache.calcite.sql.SqlOperatorBinding binding) {
      if (binding instanceof org.apache.calcite.sql.SqlCallBinding call && call.getOperandCount() > 1
          && call.operand(1) instanceof org.apache.calcite.sql.SqlCall descriptor
          && !descriptor.getOperandList().isEmpty()) {
        return descriptor.operand(0).toString();
      }
      return null;
    }
  }
}
