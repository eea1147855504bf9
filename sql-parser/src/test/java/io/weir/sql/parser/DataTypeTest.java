package io.weir.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.weir.sql.parser.ddl.SqlCreateTable;
import io.weir.sql.parser.ddl.SqlPhysicalColumn;
import io.weir.sql.parser.type.ExtendedSqlCollectionTypeNameSpec;
import io.weir.sql.parser.type.ExtendedSqlMapTypeNameSpec;
import io.weir.sql.parser.type.ExtendedSqlRowTypeNameSpec;
import io.weir.sql.parser.type.SqlAliasTypeNameSpec;
import io.weir.sql.parser.type.SqlTypeSpecs;
import java.util.List;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Flink's type syntax, in DDL and in CAST, and the Calcite types the specs derive. */
class DataTypeTest {

  /** The type of the single column of {@code CREATE TABLE t (c <type>)}. */
  static SqlDataTypeSpec columnType(String type) {
    SqlCreateTable table = assertInstanceOf(SqlCreateTable.class,
        WeirSqlParser.parseStatement("CREATE TABLE t (c " + type + ")"));
    return assertInstanceOf(SqlPhysicalColumn.class, table.columns().get(0)).type();
  }

  /** Derives a spec's Calcite type with a bare validator, as the planner will. */
  static String derive(SqlDataTypeSpec spec) {
    RelDataTypeFactory typeFactory = new JavaTypeFactoryImpl();
    SqlValidator validator = SqlValidatorUtil.newValidator(SqlStdOperatorTable.instance(),
        new CalciteCatalogReader(CalciteSchema.createRootSchema(false), List.of(), typeFactory,
            CalciteConnectionConfig.DEFAULT),
        typeFactory, SqlValidator.Config.DEFAULT);
    return SqlTypeSpecs.deriveType(validator, spec).getFullTypeString();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "BOOLEAN | BOOLEAN",
      "TINYINT | TINYINT",
      "SMALLINT | SMALLINT",
      "INT | INTEGER",
      "INTEGER | INTEGER",
      "BIGINT | BIGINT",
      "FLOAT | FLOAT",
      "DOUBLE | DOUBLE",
      "DECIMAL(10, 2) | DECIMAL(10, 2)",
      "DATE | DATE",
      "TIME(3) | TIME(3)",
      "TIMESTAMP(3) | TIMESTAMP(3)",
      "TIMESTAMP(3) WITH LOCAL TIME ZONE | TIMESTAMP(3) WITH LOCAL TIME ZONE",
      "CHAR(5) | CHAR(5)",
      "VARCHAR(20) | VARCHAR(20)",
      "VARCHAR | VARCHAR",
      "BINARY(4) | BINARY(4)",
      "VARBINARY(4) | VARBINARY(4)",
      "STRING | STRING",
      "BYTES | BYTES",
      "TIMESTAMP_LTZ(3) | TIMESTAMP_LTZ(3)",
      "TIMESTAMP_LTZ | TIMESTAMP_LTZ",
      "INT NOT NULL | INTEGER NOT NULL",
      "ARRAY<INT> | ARRAY<INTEGER>",
      "ARRAY<INT NOT NULL> | ARRAY<INTEGER NOT NULL>",
      "INT ARRAY | ARRAY<INTEGER>",
      "MULTISET<STRING> | MULTISET<STRING>",
      "MAP<STRING, INT> | MAP<STRING, INTEGER>",
      "MAP<STRING NOT NULL, ARRAY<INT>> | MAP<STRING NOT NULL, ARRAY<INTEGER>>",
      "ROW<a INT, b STRING> | ROW<`a` INTEGER, `b` STRING>",
      "ROW(a INT NOT NULL, b STRING) | ROW<`a` INTEGER NOT NULL, `b` STRING>",
      "ROW<a ARRAY<INT>, b MAP<STRING, INT>> | ROW<`a` ARRAY<INTEGER>, `b` MAP<STRING, INTEGER>>",
      "ROW<r ROW<x INT>> NOT NULL | ROW<`r` ROW<`x` INTEGER>> NOT NULL",
  })
  void unparsesInWeirSyntax(String written, String unparsed) {
    SqlCreateTable table = assertInstanceOf(SqlCreateTable.class,
        WeirSqlParser.parseStatement("CREATE TABLE t (c " + written + ")"));
    assertEquals("`c` " + unparsed, WeirSqlParser.unparse(table.columns().get(0)));
  }

  @Test
  void stringAndBytesAreMaximumLength() {
    SqlDataTypeSpec string = columnType("STRING");
    SqlAliasTypeNameSpec spec = assertInstanceOf(SqlAliasTypeNameSpec.class,
        string.getTypeNameSpec());
    assertEquals("VARCHAR", spec.getTypeName().getSimple());
    assertEquals(Integer.MAX_VALUE, spec.getPrecision());
    assertEquals("STRING", spec.alias());

    SqlBasicTypeNameSpec bytes = assertInstanceOf(SqlBasicTypeNameSpec.class,
        columnType("BYTES").getTypeNameSpec());
    assertEquals("VARBINARY", bytes.getTypeName().getSimple());
    assertEquals(Integer.MAX_VALUE, bytes.getPrecision());
  }

  @Test
  void timestampLtzIsTimestampWithLocalTimeZone() {
    SqlBasicTypeNameSpec ltz = assertInstanceOf(SqlBasicTypeNameSpec.class,
        columnType("TIMESTAMP_LTZ(3)").getTypeNameSpec());
    assertEquals(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE.name(), ltz.getTypeName().getSimple());
    assertEquals(3, ltz.getPrecision());
    assertEquals("TIMESTAMP_WITH_LOCAL_TIME_ZONE(3)", derive(columnType("TIMESTAMP_LTZ(3)")));
    assertEquals(derive(columnType("TIMESTAMP(3) WITH LOCAL TIME ZONE")),
        derive(columnType("TIMESTAMP_LTZ(3)")));
  }

  @Test
  void nullabilityIsAlwaysExplicit() {
    assertEquals(Boolean.TRUE, columnType("INT").getNullable());
    assertEquals(Boolean.FALSE, columnType("INT NOT NULL").getNullable());
    assertEquals(Boolean.TRUE, columnType("INT NULL").getNullable());

    ExtendedSqlRowTypeNameSpec row = assertInstanceOf(ExtendedSqlRowTypeNameSpec.class,
        columnType("ROW<a INT, b INT NOT NULL>").getTypeNameSpec());
    assertEquals(List.of("a", "b"),
        row.getFieldNames().stream().map(SqlIdentifier::getSimple).toList());
    assertEquals(Boolean.TRUE, row.getFieldTypes().get(0).getNullable());
    assertEquals(Boolean.FALSE, row.getFieldTypes().get(1).getNullable());
  }

  @Test
  void nestedTypes() {
    ExtendedSqlRowTypeNameSpec row = assertInstanceOf(ExtendedSqlRowTypeNameSpec.class,
        columnType("ROW<a ARRAY<INT>, b MAP<STRING, INT>>").getTypeNameSpec());

    ExtendedSqlCollectionTypeNameSpec array = assertInstanceOf(
        ExtendedSqlCollectionTypeNameSpec.class, row.getFieldTypes().get(0).getTypeNameSpec());
    assertEquals(SqlTypeName.ARRAY, array.collectionType());
    assertEquals("INTEGER", array.elementType().getTypeName().getSimple());

    ExtendedSqlMapTypeNameSpec map = assertInstanceOf(ExtendedSqlMapTypeNameSpec.class,
        row.getFieldTypes().get(1).getTypeNameSpec());
    assertInstanceOf(SqlAliasTypeNameSpec.class, map.getKeyType().getTypeNameSpec());
    assertEquals("INTEGER", map.getValType().getTypeName().getSimple());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "INT | INTEGER",
      "INT NOT NULL | INTEGER NOT NULL",
      "STRING | VARCHAR(65536)",
      "DECIMAL(10, 2) | DECIMAL(10, 2)",
      "ARRAY<INT NOT NULL> | INTEGER NOT NULL ARRAY",
      "ARRAY<INT> NOT NULL | INTEGER ARRAY NOT NULL",
      "MULTISET<BIGINT> | BIGINT MULTISET",
      "MAP<STRING, INT> | (VARCHAR(65536), INTEGER) MAP",
      // Calcite's type factory makes every field of a nullable row nullable, so the NOT NULL
      // field shows only in a NOT NULL row (a planner may keep it with its own type factory).
      "ROW<a INT NOT NULL, b ARRAY<INT>> NOT NULL"
          + " | RecordType(INTEGER NOT NULL a, INTEGER ARRAY b) NOT NULL",
      "ROW<a INT NOT NULL> | RecordType(INTEGER a)",
      "ROW(a INT) | RecordType(INTEGER a)",
  })
  void derivesCalciteTypes(String written, String derived) {
    // Calcite's default type system caps VARCHAR at 65536; Weir's planner raises the cap.
    assertEquals(derived, derive(columnType(written)));
  }

  @Test
  void flinkTypesInCast() {
    SqlSelect select = assertInstanceOf(SqlSelect.class, WeirSqlParser.parseStatement(
        "SELECT CAST(a AS STRING), CAST(b AS TIMESTAMP_LTZ(3)), CAST(c AS ARRAY<INT>),"
            + " CAST(d AS MAP<STRING, BYTES>), CAST(e AS ROW<x INT, y STRING>),"
            + " CAST(f AS TIMESTAMP(3)), CAST(g AS DECIMAL(5, 1)) FROM t"));
    List<Class<?>> specs = select.getSelectList().stream()
        .<Class<?>>map(item -> {
          SqlBasicCall cast = assertInstanceOf(SqlBasicCall.class, item);
          assertEquals(SqlKind.CAST, cast.getKind());
          return ((SqlDataTypeSpec) cast.operand(1)).getTypeNameSpec().getClass();
        })
        .toList();
    assertEquals(List.of(SqlAliasTypeNameSpec.class, SqlAliasTypeNameSpec.class,
        ExtendedSqlCollectionTypeNameSpec.class, ExtendedSqlMapTypeNameSpec.class,
        ExtendedSqlRowTypeNameSpec.class, SqlBasicTypeNameSpec.class, SqlBasicTypeNameSpec.class),
        specs);
    assertEquals("SELECT CAST(`a` AS STRING), CAST(`b` AS TIMESTAMP_LTZ(3)),"
        + " CAST(`c` AS ARRAY<INTEGER>), CAST(`d` AS MAP<STRING, BYTES>),"
        + " CAST(`e` AS ROW<`x` INTEGER, `y` STRING>), CAST(`f` AS TIMESTAMP(3)),"
        + " CAST(`g` AS DECIMAL(5, 1))\nFROM `t`", WeirSqlParser.unparse(select));
  }
}
