package io.weir.planner.calcite;

import io.weir.common.error.WeirException;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import io.weir.common.types.TypeRoot;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;

/** Converts between Calcite's {@link RelDataType} and Weir's {@link LogicalType}. */
public final class TypeConverter {
  private TypeConverter() {}

  public static LogicalType toLogicalType(RelDataType t) {
    LogicalType result = switch (t.getSqlTypeName()) {
      case BOOLEAN -> LogicalType.bool();
      case TINYINT -> LogicalType.tinyint();
      case SMALLINT -> LogicalType.smallint();
      case INTEGER -> LogicalType.integer();
      case BIGINT -> LogicalType.bigint();
      case FLOAT, REAL -> LogicalType.floatType();
      case DOUBLE -> LogicalType.doubleType();
      case DECIMAL -> LogicalType.decimal(t.getPrecision(), Math.max(0, t.getScale()));
      case CHAR -> LogicalType.chr(t.getPrecision());
      case VARCHAR -> LogicalType.varchar(t.getPrecision() < 0 ? LogicalType.MAX_LENGTH : t.getPrecision());
      case BINARY -> new LogicalType(TypeRoot.BINARY, true, t.getPrecision(), 0, List.of());
      case VARBINARY -> new LogicalType(TypeRoot.VARBINARY, true, t.getPrecision() < 0 ? LogicalType.MAX_LENGTH : t.getPrecision(), 0, List.of());
      case DATE -> LogicalType.date();
      case TIME -> LogicalType.time(Math.max(0, t.getPrecision()));
      case TIMESTAMP -> LogicalType.timestamp(t.getPrecision());
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> LogicalType.timestampLtz(t.getPrecision());
      case INTERVAL_YEAR, INTERVAL_YEAR_MONTH, INTERVAL_MONTH -> LogicalType.intervalYearMonth();
      case INTERVAL_DAY, INTERVAL_DAY_HOUR, INTERVAL_DAY_MINUTE, INTERVAL_DAY_SECOND, INTERVAL_HOUR,
          INTERVAL_HOUR_MINUTE, INTERVAL_HOUR_SECOND, INTERVAL_MINUTE, INTERVAL_MINUTE_SECOND,
          INTERVAL_SECOND -> LogicalType.intervalDayTime();
      case ARRAY -> LogicalType.array(toLogicalType(t.getComponentType()));
      case MULTISET -> LogicalType.multiset(toLogicalType(t.getComponentType()));
      case MAP -> LogicalType.map(toLogicalType(t.getKeyType()), toLogicalType(t.getValueType()));
      case ROW -> {
        List<LogicalType.Field> fields = new ArrayList<>();
        for (RelDataTypeField f : t.getFieldList()) {
          fields.add(new LogicalType.Field(f.getName(), toLogicalType(f.getType())));
        }
        yield LogicalType.row(fields);
      }
      case NULL -> LogicalType.nullType();
      case SYMBOL -> LogicalType.string();
      default -> throw new WeirException("Type " + t.getFullTypeString() + " is not supported");
    };
    return result.withNullable(t.isNullable());
  }

  public static RowType toRowType(RelDataType t) {
    RowType.Builder b = RowType.builder();
    for (RelDataTypeField f : t.getFieldList()) {
      b.add(f.getName(), toLogicalType(f.getType()));
    }
    return b.build();
  }

  public static RelDataType toRelDataType(LogicalType t, RelDataTypeFactory f) {
    RelDataType r = switch (t.root()) {
      case BOOLEAN -> f.createSqlType(SqlTypeName.BOOLEAN);
      case TINYINT -> f.createSqlType(SqlTypeName.TINYINT);
      case SMALLINT -> f.createSqlType(SqlTypeName.SMALLINT);
      case INTEGER -> f.createSqlType(SqlTypeName.INTEGER);
      case BIGINT -> f.createSqlType(SqlTypeName.BIGINT);
      case FLOAT -> f.createSqlType(SqlTypeName.FLOAT);
      case DOUBLE -> f.createSqlType(SqlTypeName.DOUBLE);
      case DECIMAL -> f.createSqlType(SqlTypeName.DECIMAL, t.precision(), t.scale());
      case CHAR -> f.createSqlType(SqlTypeName.CHAR, t.precision());
      case VARCHAR -> f.createSqlType(SqlTypeName.VARCHAR, t.precision());
      case BINARY -> f.createSqlType(SqlTypeName.BINARY, t.precision());
      case VARBINARY -> f.createSqlType(SqlTypeName.VARBINARY, t.precision());
      case DATE -> f.createSqlType(SqlTypeName.DATE);
      case TIME -> f.createSqlType(SqlTypeName.TIME, t.precision());
      case TIMESTAMP -> f.createSqlType(SqlTypeName.TIMESTAMP, t.precision());
      case TIMESTAMP_LTZ -> f.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, t.precision());
      case INTERVAL_DAY_TIME -> f.createSqlIntervalType(
          new org.apache.calcite.sql.SqlIntervalQualifier(org.apache.calcite.avatica.util.TimeUnit.DAY,
              org.apache.calcite.avatica.util.TimeUnit.SECOND, org.apache.calcite.sql.parser.SqlParserPos.ZERO));
      case INTERVAL_YEAR_MONTH -> f.createSqlIntervalType(
          new org.apache.calcite.sql.SqlIntervalQualifier(org.apache.calcite.avatica.util.TimeUnit.YEAR,
              org.apache.calcite.avatica.util.TimeUnit.MONTH, org.apache.calcite.sql.parser.SqlParserPos.ZERO));
      case ARRAY -> f.createArrayType(toRelDataType(t.elementType(), f), -1);
      case MULTISET -> f.createMultisetType(toRelDataType(t.elementType(), f), -1);
      case MAP -> f.createMapType(toRelDataType(t.children().get(0).type(), f), toRelDataType(t.children().get(1).type(), f));
      case ROW -> {
        List<RelDataType> types = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (LogicalType.Field field : t.children()) {
          names.add(field.name());
          types.add(toRelDataType(field.type(), f));
        }
        yield f.createStructType(types, names);
      }
      case NULL -> f.createSqlType(SqlTypeName.NULL);
    };
    return f.createTypeWithNullability(r, t.nullable());
  }

  public static RelDataType toRelDataType(RowType rowType, RelDataTypeFactory f) {
    List<RelDataType> types = new ArrayList<>();
    for (LogicalType t : rowType.types()) {
      types.add(toRelDataType(t, f));
    }
    return f.createStructType(types, rowType.names());
  }
}
