package io.weir.planner.calcite;

import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/** Flink's type limits: STRING is VARCHAR of maximum length, DECIMAL up to 38 digits, TIMESTAMP(9). */
public final class WeirTypeSystem extends RelDataTypeSystemImpl {
  public static final WeirTypeSystem INSTANCE = new WeirTypeSystem();

  @Override
  public int getMaxPrecision(SqlTypeName typeName) {
    return switch (typeName) {
      case VARCHAR, CHAR, VARBINARY, BINARY -> Integer.MAX_VALUE;
      case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIME -> 9;
      case DECIMAL -> 38;
      default -> super.getMaxPrecision(typeName);
    };
  }

  @Override
  public int getDefaultPrecision(SqlTypeName typeName) {
    return switch (typeName) {
      // Flink: TIMESTAMP means TIMESTAMP(6); a VARCHAR without length is a STRING.
      case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> 6;
      case VARCHAR, VARBINARY -> Integer.MAX_VALUE;
      default -> super.getDefaultPrecision(typeName);
    };
  }

  @Override
  public int getMaxScale(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? 38 : super.getMaxScale(typeName);
  }

  /** Flink: AVG over DECIMAL(p, s) is DECIMAL(38, max(6, s)); over other types it keeps the type. */
  @Override
  public org.apache.calcite.rel.type.RelDataType deriveAvgAggType(org.apache.calcite.rel.type.RelDataTypeFactory typeFactory,
      org.apache.calcite.rel.type.RelDataType argumentType) {
    if (argumentType.getSqlTypeName() == SqlTypeName.DECIMAL) {
      return typeFactory.createTypeWithNullability(
          typeFactory.createSqlType(SqlTypeName.DECIMAL, 38, Math.max(6, argumentType.getScale())), argumentType.isNullable());
    }
    return super.deriveAvgAggType(typeFactory, argumentType);
  }

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }
}
