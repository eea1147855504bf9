package io.weir.common.types;

/** The kinds of SQL type Weir knows, named as in Flink. */
public enum TypeRoot {
  BOOLEAN,
  TINYINT,
  SMALLINT,
  INTEGER,
  BIGINT,
  FLOAT,
  DOUBLE,
  DECIMAL,
  CHAR,
  VARCHAR,
  BINARY,
  VARBINARY,
  DATE,
  TIME,
  TIMESTAMP,
  TIMESTAMP_LTZ,
  INTERVAL_DAY_TIME,
  INTERVAL_YEAR_MONTH,
  ARRAY,
  MAP,
  MULTISET,
  ROW,
  NULL;

  public boolean isNumeric() {
    return switch (this) {
      case TINYINT, SMALLINT, INTEGER, BIGINT, FLOAT, DOUBLE, DECIMAL -> true;
      default -> false;
    };
  }

  public boolean isCharacterString() {
    return this == CHAR || this == VARCHAR;
  }
}
