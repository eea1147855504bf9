package io.weir.sql.parser.type;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCollectionTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.util.Litmus;

/**
 * {@code ARRAY<T>} or {@code MULTISET<T>} (also the postfix {@code T ARRAY}), keeping the whole
 * element spec, nullability included: {@code ARRAY<INT NOT NULL>}.
 *
 * <p>Calcite's {@link SqlCollectionTypeNameSpec} keeps only the element's type name; this
 * subclass adds {@link #elementType()} and writes the Flink form back when unparsed.
 */
public final class ExtendedSqlCollectionTypeNameSpec extends SqlCollectionTypeNameSpec {
  private final SqlTypeName collectionType;
  private final SqlDataTypeSpec elementType;

  /**
   * @param collectionType {@link SqlTypeName#ARRAY} or {@link SqlTypeName#MULTISET}
   * @param elementType the element's spec; a null {@code getNullable()} counts as nullable
   */
  public ExtendedSqlCollectionTypeNameSpec(SqlTypeName collectionType,
      SqlDataTypeSpec elementType, SqlParserPos pos) {
    super(requireNonNull(elementType, "elementType").getTypeNameSpec(),
        !Boolean.FALSE.equals(elementType.getNullable()), collectionType, pos);
    if (collectionType != SqlTypeName.ARRAY && collectionType != SqlTypeName.MULTISET) {
      throw new IllegalArgumentException(
          "collectionType must be ARRAY or MULTISET but was " + collectionType);
    }
    this.collectionType = collectionType;
    this.elementType = elementType;
  }

  /** {@link SqlTypeName#ARRAY} or {@link SqlTypeName#MULTISET}. */
  public SqlTypeName collectionType() {
    return collectionType;
  }

  /** The element's spec; its nullability is explicit when it was parsed from DDL or CAST. */
  public SqlDataTypeSpec elementType() {
    return elementType;
  }

  @Override public RelDataType deriveType(SqlValidator validator) {
    RelDataTypeFactory typeFactory = validator.getTypeFactory();
    RelDataType element = SqlTypeSpecs.deriveType(validator, elementType);
    return collectionType == SqlTypeName.ARRAY
        ? typeFactory.createArrayType(element, -1)
        : typeFactory.createMultisetType(element, -1);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(collectionType.name());
    SqlTypeSpecs.open(writer);
    SqlTypeSpecs.unparse(writer, elementType);
    SqlTypeSpecs.close(writer);
  }

  @Override public boolean equalsDeep(SqlTypeNameSpec spec, Litmus litmus) {
    if (!(spec instanceof ExtendedSqlCollectionTypeNameSpec that)
        || collectionType != that.collectionType
        || !SqlTypeSpecs.sameSpec(elementType, that.elementType, litmus)) {
      return litmus.fail("{} != {}", this, spec);
    }
    return litmus.succeed();
  }
}
