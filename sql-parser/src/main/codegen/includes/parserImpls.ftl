<#--
  Weir's grammar on top of Calcite's parser template (Flink SQL dialect).

  FMPP pastes this file into Parser.jj (see config.fmpp), so every production here can use
  Calcite's: SimpleIdentifier(), CompoundIdentifier(), Expression(..), OrderedQueryOrExpr(..),
  SqlQueryOrDml(), TypeName(), PrecisionOpt(), SimpleStringLiteral(), span(), getPos(), ...

  Conventions:
  - `{ s = span(); }` right after a token starts a span at that token; `s.end(this)` ends it at
    the last token consumed.
  - Errors that are not plain syntax errors (a duplicate primary key, a missing NOT ENFORCED) are
    thrown with ParserSupport.error(pos, message) so they carry a position like syntax errors.
  - Words Weir adds (WATERMARK, IF, COMMENT, ...) are non-reserved, so wherever one may also be a
    name, a LOOKAHEAD looks past it (`IF NOT EXISTS` vs a table called `if`).
-->

// ------------------------------------------------------------------------------------------
// Small pieces
// ------------------------------------------------------------------------------------------

/** Parses a single-quoted string and returns it as a literal positioned on its token. */
SqlCharStringLiteral WeirStringLiteral() :
{
    final String value;
}
{
    value = SimpleStringLiteral() {
        return SqlLiteral.createCharString(value, getPos());
    }
}

/** Parses an optional IF NOT EXISTS; three tokens of lookahead because `if` may be a name. */
boolean WeirIfNotExists() :
{
}
{
    LOOKAHEAD(3) <IF> <NOT> <EXISTS> { return true; }
|
    { return false; }
}

/** Parses an optional IF EXISTS. */
boolean WeirIfExists() :
{
}
{
    LOOKAHEAD(2) <IF> <EXISTS> { return true; }
|
    { return false; }
}

/**
 * Parses the mandatory NOT ENFORCED after PRIMARY KEY. Weir, like Flink, never checks
 * uniqueness: the key only tells the planner how to upsert, so it must be declared as such.
 */
void WeirNotEnforced(Span key) :
{
}
{
    <NOT> <ENFORCED>
|
    <ENFORCED> {
        throw ParserSupport.error(key.end(this),
            "Weir does not enforce primary keys: declare the key as PRIMARY KEY ... NOT ENFORCED");
    }
|
    {
        throw ParserSupport.error(key.end(this),
            "a primary key must be declared NOT ENFORCED (Weir does not check uniqueness): "
                + "write PRIMARY KEY ... NOT ENFORCED");
    }
}

// ------------------------------------------------------------------------------------------
// Data types (Flink style), tried before Calcite's own type names
// ------------------------------------------------------------------------------------------

/**
 * Parses a type as written in DDL and inside ARRAY<..>, MAP<..> and ROW<..>: nullable unless
 * NOT NULL follows. The nullability is always explicit on the returned spec
 * (SqlDataTypeSpec.getNullable() is never null), unlike Calcite's DataType().
 */
SqlDataTypeSpec WeirDataType() :
{
    SqlTypeNameSpec typeName;
    final Span s;
    boolean nullable = true;
}
{
    typeName = TypeName() { s = Span.of(typeName.getParserPos()); }
    (
        // The SQL-standard postfix form `INT ARRAY`; elements are nullable, as in `ARRAY<INT>`.
        <ARRAY> {
            typeName = new ExtendedSqlCollectionTypeNameSpec(SqlTypeName.ARRAY,
                new SqlDataTypeSpec(typeName, null, true, typeName.getParserPos()), s.end(this));
        }
    |
        <MULTISET> {
            typeName = new ExtendedSqlCollectionTypeNameSpec(SqlTypeName.MULTISET,
                new SqlDataTypeSpec(typeName, null, true, typeName.getParserPos()), s.end(this));
        }
    )*
    [
        <NOT> <NULL> { nullable = false; }
    |
        <NULL>
    ]
    {
        return new SqlDataTypeSpec(typeName, null, nullable, s.end(this));
    }
}

/** STRING, BYTES and TIMESTAMP_LTZ[(p)]: Flink's names for VARCHAR/VARBINARY of maximum length
 * and TIMESTAMP WITH LOCAL TIME ZONE. */
SqlTypeNameSpec WeirAliasTypeName() :
{
    final Span s;
    final int precision;
}
{
    <STRING> { return SqlAliasTypeNameSpec.string(getPos()); }
|
    <BYTES> { return SqlAliasTypeNameSpec.bytes(getPos()); }
|
    <TIMESTAMP_LTZ> { s = span(); }
    precision = PrecisionOpt()
    { return SqlAliasTypeNameSpec.timestampLtz(precision, s.end(this)); }
}

/** ARRAY<T> and MULTISET<T>. */
SqlTypeNameSpec WeirCollectionTypeName() :
{
    final Span s;
    final SqlTypeName collectionType;
    final SqlDataTypeSpec elementType;
}
{
    (
        <ARRAY> { collectionType = SqlTypeName.ARRAY; }
    |
        <MULTISET> { collectionType = SqlTypeName.MULTISET; }
    )
    { s = span(); }
    <LT> elementType = WeirDataType() <GT>
    {
        return new ExtendedSqlCollectionTypeNameSpec(collectionType, elementType, s.end(this));
    }
}

/** MAP<K, V>. */
SqlTypeNameSpec WeirMapTypeName() :
{
    final Span s;
    final SqlDataTypeSpec keyType;
    final SqlDataTypeSpec valueType;
}
{
    <MAP> { s = span(); }
    <LT> keyType = WeirDataType() <COMMA> valueType = WeirDataType() <GT>
    {
        return new ExtendedSqlMapTypeNameSpec(keyType, valueType, s.end(this));
    }
}

/** ROW<a INT, b STRING> and ROW(a INT, b STRING); fields are nullable unless NOT NULL. */
SqlTypeNameSpec WeirRowTypeName() :
{
    final Span s;
    final List<SqlIdentifier> names = new ArrayList<SqlIdentifier>();
    final List<SqlDataTypeSpec> types = new ArrayList<SqlDataTypeSpec>();
}
{
    <ROW> { s = span(); }
    (
        <LT> WeirRowField(names, types) ( <COMMA> WeirRowField(names, types) )* <GT>
    |
        <LPAREN> WeirRowField(names, types) ( <COMMA> WeirRowField(names, types) )* <RPAREN>
    )
    {
        return new ExtendedSqlRowTypeNameSpec(s.end(this), names, types);
    }
}

void WeirRowField(List<SqlIdentifier> names, List<SqlDataTypeSpec> types) :
{
    final SqlIdentifier name;
    final SqlDataTypeSpec type;
}
{
    name = SimpleIdentifier() type = WeirDataType() {
        names.add(name);
        types.add(type);
    }
}

// ------------------------------------------------------------------------------------------
// CREATE TABLE / CREATE VIEW
// ------------------------------------------------------------------------------------------

/** Everything after CREATE [OR REPLACE]. */
SqlCreate SqlCreateWeirObject(Span s, boolean replace) :
{
    boolean temporary = false;
    final SqlCreate create;
}
{
    {
        if (replace) {
            throw ParserSupport.error(s.end(this),
                "CREATE OR REPLACE is not supported; DROP the table or view first");
        }
    }
    [ <TEMPORARY> { temporary = true; } ]
    (
        create = SqlCreateTable(s, temporary)
    |
        create = SqlCreateView(s, temporary)
    |
        create = SqlCreateFunction(s, temporary)
    )
    {
        return create;
    }
}

/** [SYSTEM] FUNCTION [IF NOT EXISTS] name AS 'class' [LANGUAGE JAVA], after CREATE [TEMPORARY]. */
SqlCreate SqlCreateFunction(Span s, boolean temporary) :
{
    boolean system = false;
    final boolean ifNotExists;
    final SqlIdentifier name;
    final SqlCharStringLiteral className;
}
{
    [ <SYSTEM> { system = true; } ]
    <FUNCTION>
    ifNotExists = WeirIfNotExists()
    name = CompoundIdentifier()
    <AS>
    className = WeirStringLiteral()
    [ <LANGUAGE> <JAVA> ]
    {
        return new SqlCreateFunction(s.end(this), name, className, ifNotExists, temporary, system);
    }
}

SqlCreate SqlCreateTable(Span s, boolean temporary) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    final TableElements elements = new TableElements();
    SqlCharStringLiteral comment = null;
    SqlNodeList partitionKeys = SqlNodeList.EMPTY;
    SqlNodeList tableOptions = SqlNodeList.EMPTY;
}
{
    <TABLE>
    ifNotExists = WeirIfNotExists()
    name = CompoundIdentifier()
    <LPAREN>
    WeirTableElement(elements)
    ( <COMMA> WeirTableElement(elements) )*
    <RPAREN>
    [ <COMMENT> comment = WeirStringLiteral() ]
    [ <PARTITIONED> <BY> partitionKeys = ParenthesizedSimpleIdentifierList() ]
    [ <WITH> tableOptions = WeirTableOptions() ]
    {
        return new SqlCreateTable(s.end(this), name, ifNotExists, temporary,
            elements.columns(), elements.watermark(), elements.primaryKey(), comment,
            partitionKeys, tableOptions);
    }
}

/** One item between the parentheses of CREATE TABLE: a column, a watermark or a primary key. */
void WeirTableElement(TableElements elements) :
{
    final Span s;
    final SqlIdentifier column;
    final SqlNode expression;
    final SqlNodeList keys;
}
{
    // Two tokens, because `watermark` may also be a column name.
    LOOKAHEAD(2)
    <WATERMARK> { s = span(); } <FOR> column = SimpleIdentifier()
    <AS> expression = Expression(ExprContext.ACCEPT_NON_QUERY)
    {
        elements.setWatermark(new SqlWatermark(s.end(expression), column, expression));
    }
|
    // The constraint name, if any, has no meaning in Weir and is not kept.
    ( <CONSTRAINT> { s = span(); } SimpleIdentifier() <PRIMARY> | <PRIMARY> { s = span(); } )
    <KEY> keys = ParenthesizedSimpleIdentifierList() WeirNotEnforced(s)
    {
        elements.setPrimaryKey(keys, s.end(this));
    }
|
    WeirTableColumn(elements)
}

/**
 * A physical column `name TYPE [NOT NULL] [PRIMARY KEY NOT ENFORCED] [COMMENT '..']`,
 * a computed column `name AS expr [COMMENT '..']` or
 * a metadata column `name TYPE METADATA [FROM 'key'] [VIRTUAL] [COMMENT '..']`.
 */
void WeirTableColumn(TableElements elements) :
{
    final SqlIdentifier name;
    final Span s;
    final SqlNode expression;
    final SqlDataTypeSpec type;
    SqlCharStringLiteral metadataKey = null;
    boolean isVirtual = false;
    Span key = null;
    SqlParserPos keyPos = null;
    SqlCharStringLiteral comment = null;
}
{
    name = SimpleIdentifier() { s = Span.of(name); }
    (
        <AS> expression = Expression(ExprContext.ACCEPT_NON_QUERY)
        [ <COMMENT> comment = WeirStringLiteral() ]
        {
            elements.addColumn(new SqlComputedColumn(s.end(this), name, expression, comment));
        }
    |
        type = WeirDataType()
        (
            <METADATA>
            [ <FROM> metadataKey = WeirStringLiteral() ]
            [ <VIRTUAL> { isVirtual = true; } ]
            [ <COMMENT> comment = WeirStringLiteral() ]
            {
                elements.addColumn(new SqlMetadataColumn(s.end(this), name, type, metadataKey,
                    isVirtual, comment));
            }
        |
            [
                <PRIMARY> { key = span(); } <KEY> WeirNotEnforced(key)
                { keyPos = key.end(this); }
            ]
            [ <COMMENT> comment = WeirStringLiteral() ]
            {
                elements.addColumn(new SqlPhysicalColumn(s.end(this), name, type, comment));
                if (keyPos != null) {
                    elements.setPrimaryKey(
                        new SqlNodeList(Collections.singletonList(name), name.getParserPosition()),
                        keyPos);
                }
            }
        )
    )
}

/** WITH ('key' = 'value', ...): keys and values are string literals. */
SqlNodeList WeirTableOptions() :
{
    final Span s;
    final List<SqlNode> list = new ArrayList<SqlNode>();
}
{
    <LPAREN> { s = span(); }
    [
        WeirTableOption(list)
        ( <COMMA> WeirTableOption(list) )*
    ]
    <RPAREN>
    {
        return ParserSupport.distinctOptions(new SqlNodeList(list, s.end(this)));
    }
}

void WeirTableOption(List<SqlNode> list) :
{
    final SqlCharStringLiteral key;
    final SqlCharStringLiteral value;
}
{
    key = WeirStringLiteral() <EQ> value = WeirStringLiteral() {
        list.add(new SqlTableOption(Span.of(key, value).pos(), key, value));
    }
}

SqlCreate SqlCreateView(Span s, boolean temporary) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    SqlNodeList fieldList = null;
    SqlCharStringLiteral comment = null;
    final SqlNode query;
}
{
    <VIEW>
    ifNotExists = WeirIfNotExists()
    name = CompoundIdentifier()
    [ fieldList = ParenthesizedSimpleIdentifierList() ]
    [ <COMMENT> comment = WeirStringLiteral() ]
    <AS>
    query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    {
        return new SqlCreateView(s.end(this), name, ifNotExists, temporary, fieldList, comment,
            query);
    }
}

// ------------------------------------------------------------------------------------------
// DROP TABLE / DROP VIEW
// ------------------------------------------------------------------------------------------

/** Everything after DROP. `replace` is always false here (the template passes it anyway). */
SqlDrop SqlDropWeirObject(Span s, boolean replace) :
{
    boolean temporary = false;
    boolean system = false;
    boolean view = false;
    final boolean ifExists;
    final SqlIdentifier name;
}
{
    [ <TEMPORARY> { temporary = true; } ]
    (
        ( <TABLE> | <VIEW> { view = true; } )
        ifExists = WeirIfExists()
        name = CompoundIdentifier()
        {
            return view
                ? new SqlDropView(s.end(this), name, ifExists, temporary)
                : new SqlDropTable(s.end(this), name, ifExists, temporary);
        }
    |
        [ <SYSTEM> { system = true; } ]
        <FUNCTION>
        ifExists = WeirIfExists()
        name = CompoundIdentifier()
        {
            return new SqlDropFunction(s.end(this), name, ifExists, temporary, system);
        }
    )
}

// ------------------------------------------------------------------------------------------
// SHOW, DESCRIBE, EXPLAIN
// ------------------------------------------------------------------------------------------

SqlNode SqlWeirShow() :
{
    final Span s;
    final SqlIdentifier name;
}
{
    <SHOW> { s = span(); }
    (
        <TABLES> { return new SqlShowTables(s.end(this)); }
    |
        <VIEWS> { return new SqlShowViews(s.end(this)); }
    |
        <FUNCTIONS> { return new SqlShowFunctions(s.end(this)); }
    |
        <JOBS> { return new SqlShowJobs(s.end(this)); }
    |
        <CATALOGS> { return new SqlShowCatalogs(s.end(this)); }
    |
        <DATABASES> { return new SqlShowDatabases(s.end(this)); }
    |
        <CURRENT> (
            <CATALOG> { return new SqlShowCurrentCatalog(s.end(this)); }
        |
            <DATABASE> { return new SqlShowCurrentDatabase(s.end(this)); }
        )
    |
        <CREATE> <TABLE> name = CompoundIdentifier() {
            return new SqlShowCreateTable(s.end(this), name);
        }
    |
        // Only SHOW starts this statement, but the template tries it under LOOKAHEAD(2): without
        // this alternative `SHOW TABLEZ` would fail at SHOW, listing every statement's first
        // word. With it, the error is at TABLEZ and lists what may follow SHOW.
        { throw generateParseException(); }
    )
}

/** DESCRIBE [TABLE] name, DESC [TABLE] name. */
SqlNode SqlWeirDescribe() :
{
    final Span s;
    final SqlIdentifier name;
}
{
    ( <DESCRIBE> | <DESC> ) { s = span(); }
    [ <TABLE> ]
    name = CompoundIdentifier()
    {
        return new SqlRichDescribeTable(s.end(this), name);
    }
}

/** EXPLAIN [PLAN FOR] query-or-INSERT. */
SqlNode SqlWeirExplain() :
{
    final Span s;
    final SqlNode statement;
}
{
    <EXPLAIN> { s = span(); }
    // Two tokens, because `plan` may also be a column name in the query.
    [ LOOKAHEAD(2) <PLAN> <FOR> ]
    statement = SqlQueryOrDml()
    {
        return new SqlRichExplain(s.end(this), statement);
    }
}

// ------------------------------------------------------------------------------------------
// SET, RESET, STOP JOB
// ------------------------------------------------------------------------------------------

/** SET (lists the session's options) or SET 'key' = 'value'. */
SqlNode SqlWeirSet() :
{
    final Span s;
    SqlCharStringLiteral key = null;
    SqlCharStringLiteral value = null;
}
{
    <SET> { s = span(); }
    [
        key = WeirStringLiteral() <EQ> value = WeirStringLiteral()
    ]
    {
        return new SqlSet(s.end(this), key, value);
    }
}

/** RESET (all options) or RESET 'key'. */
SqlNode SqlWeirReset() :
{
    final Span s;
    SqlCharStringLiteral key = null;
}
{
    <RESET> { s = span(); }
    [ key = WeirStringLiteral() ]
    {
        return new SqlReset(s.end(this), key);
    }
}

/**
 * Replaces Calcite's SqlSetOption (config.fmpp: setOptionParserMethod), which the template calls
 * after ALTER SYSTEM / ALTER SESSION and, for SET and RESET statements, after SqlWeirSet and
 * SqlWeirReset have already taken them. Weir has only session options, set with SET.
 */
SqlAlter WeirAlterScopeOption(Span s, String scope) :
{
}
{
    ( <SET> | <RESET> ) {
        throw ParserSupport.error(s.end(this), "ALTER " + scope + " is not supported: "
            + "use SET 'key' = 'value' or RESET 'key'");
    }
}

/** STOP JOB 'id' [WITH SAVEPOINT]. */
/** {@code USE CATALOG c} or {@code USE [c.]d}. */
SqlNode SqlWeirUse() :
{
    final Span s;
    final SqlIdentifier name;
}
{
    <USE> { s = span(); }
    (
        <CATALOG> name = CompoundIdentifier() { return new SqlUse(s.end(this), true, name); }
    |
        name = CompoundIdentifier() { return new SqlUse(s.end(this), false, name); }
    )
}

SqlNode SqlStopJob() :
{
    final Span s;
    final SqlCharStringLiteral jobId;
    boolean withSavepoint = false;
}
{
    <STOP> { s = span(); } <JOB> jobId = WeirStringLiteral()
    [ <WITH> <SAVEPOINT> { withSavepoint = true; } ]
    {
        return new SqlStopJob(s.end(this), jobId, withSavepoint);
    }
}
