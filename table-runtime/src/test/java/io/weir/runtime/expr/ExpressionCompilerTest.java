package io.weir.runtime.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.weir.common.data.Row;
import io.weir.common.error.WeirException;
import io.weir.common.plan.ExprSpec;
import io.weir.common.types.LogicalType;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpressionCompilerTest {
  private static final LogicalType INT = LogicalType.integer();
  private static final LogicalType BIGINT = LogicalType.bigint();
  private static final LogicalType STR = LogicalType.string();
  private static final LogicalType TS = LogicalType.timestamp(3);
  private static final LogicalType BOOL = LogicalType.bool();

  // 2020-04-15 08:05:07.123 UTC
  private static final long TS_VALUE = 1586937907123L;
  private static final Row ROW = Row.of(7, 40L, "Hello, World", TS_VALUE, null, new BigDecimal("2.50"));

  private static ExprSpec ref(int i, LogicalType t) {
    return new ExprSpec.InputRef(i, t);
  }

  private static ExprSpec lit(Object v, LogicalType t) {
    return new ExprSpec.Literal(v, t);
  }

  private static ExprSpec call(String f, LogicalType t, ExprSpec... operands) {
    return new ExprSpec.Call(f, List.of(operands), t);
  }

  private static Object eval(ExprSpec e) {
    return new ExpressionCompiler(CompileContext.utc()).compile(e).eval(ROW);
  }

  @Test
  void arithmeticFollowsTheResultType() {
    assertEquals(47L, eval(call("+", BIGINT, ref(0, INT), ref(1, BIGINT))));
    assertEquals(3, eval(call("/", INT, ref(0, INT), lit(2, INT))));
    assertEquals(1, eval(call("MOD", INT, ref(0, INT), lit(3, INT))));
    assertEquals(new BigDecimal("17.50"),
        eval(call("*", LogicalType.decimal(13, 2), ref(5, LogicalType.decimal(3, 2)), ref(0, INT))));
    assertEquals(-7, eval(call("-NEGATE", INT, ref(0, INT))));
    assertNull(eval(call("+", INT, ref(0, INT), ref(4, INT))));
  }

  @Test
  void comparisonsAndThreeValuedLogic() {
    assertEquals(true, eval(call(">", BOOL, ref(1, BIGINT), ref(0, INT))));
    assertEquals(true, eval(call("=", BOOL, ref(5, LogicalType.decimal(3, 2)), lit(new BigDecimal("2.5"), LogicalType.decimal(2, 1)))));
    assertNull(eval(call("=", BOOL, ref(4, INT), lit(1, INT))));
    // NULL AND FALSE is FALSE; NULL OR TRUE is TRUE.
    assertEquals(false, eval(call("AND", BOOL, call("=", BOOL, ref(4, INT), lit(1, INT)), lit(false, BOOL))));
    assertEquals(true, eval(call("OR", BOOL, call("=", BOOL, ref(4, INT), lit(1, INT)), lit(true, BOOL))));
    assertEquals(true, eval(call("IS NULL", BOOL, ref(4, INT))));
    assertEquals(true, eval(call("IN", BOOL, ref(0, INT), lit(1, INT), lit(7, INT))));
  }

  @Test
  void conditionals() {
    ExprSpec caseWhen = call("CASE", STR,
        call(">", BOOL, ref(0, INT), lit(10, INT)), lit("big", STR),
        call(">", BOOL, ref(0, INT), lit(5, INT)), lit("medium", STR),
        lit("small", STR));
    assertEquals("medium", eval(caseWhen));
    assertEquals("x", eval(call("COALESCE", STR, ref(4, STR), lit("x", STR))));
    assertEquals(40L, eval(call("IF", BIGINT, call("<", BOOL, ref(0, INT), lit(10, INT)), ref(1, BIGINT), ref(0, INT))));
  }

  @Test
  void strings() {
    assertEquals("HELLO, WORLD", eval(call("UPPER", STR, ref(2, STR))));
    assertEquals("World", eval(call("SUBSTRING", STR, ref(2, STR), lit(8, INT))));
    assertEquals("Hell", eval(call("SUBSTRING", STR, ref(2, STR), lit(1, INT), lit(4, INT))));
    assertEquals(12, eval(call("CHAR_LENGTH", INT, ref(2, STR))));
    assertEquals("Hello, World!", eval(call("CONCAT", STR, ref(2, STR), lit("!", STR))));
    assertEquals(" World", eval(call("SPLIT_INDEX", STR, ref(2, STR), lit(",", STR), lit(1, INT))));
    assertNull(eval(call("SPLIT_INDEX", STR, ref(2, STR), lit(",", STR), lit(5, INT))));
    assertEquals("World", eval(call("REGEXP_EXTRACT", STR, ref(2, STR), lit("(\\w+)$", STR))));
    assertNull(eval(call("REGEXP_EXTRACT", STR, ref(2, STR), lit("(\\d+)", STR))));
    assertEquals(true, eval(call("LIKE", BOOL, ref(2, STR), lit("Hel%W_rld", STR))));
    assertEquals("abc", eval(call("TRIM", STR, lit("BOTH", STR), lit(" ", STR), lit("  abc ", STR))));
  }

  @Test
  void casts() {
    assertEquals(42, eval(call("CAST", INT, lit(" 42 ", STR))));
    assertEquals("2020-04-15 08:05:07.123", eval(call("CAST", STR, ref(3, TS))));
    assertEquals(TS_VALUE, eval(call("CAST", TS, lit("2020-04-15 08:05:07.123", STR))));
    assertEquals(new BigDecimal("7.00"), eval(call("CAST", LogicalType.decimal(5, 2), ref(0, INT))));
    assertEquals(18367, eval(call("CAST", LogicalType.date(), ref(3, TS))));
    WeirException bad = assertThrows(WeirException.class, () -> eval(call("CAST", INT, lit("abc", STR))));
    assertEquals("Cannot cast 'abc' to INT", bad.getMessage());
  }

  @Test
  void dateTime() {
    assertEquals(8L, eval(call("EXTRACT", BIGINT, lit("HOUR", STR), ref(3, TS))));
    assertEquals("2020-04-15 08:05", eval(call("DATE_FORMAT", STR, ref(3, TS), lit("yyyy-MM-dd HH:mm", STR))));
    assertEquals(TS_VALUE - 5000, eval(call("-", TS, ref(3, TS), lit(5000L, LogicalType.intervalDayTime()))));
    assertEquals(1586937600000L, eval(call("FLOOR", TS, ref(3, TS), lit("HOUR", STR))));
    assertEquals(TS_VALUE - 123, eval(call("TO_TIMESTAMP", TS, lit("2020-04-15 08:05:07", STR))));
  }

  @Test
  void constantSubtreesAreFoldedOnce() {
    ExprSpec upper = call("UPPER", STR, lit("abc", STR));
    RowExpression e = new ExpressionCompiler(CompileContext.utc()).compile(upper);
    assertEquals("ABC", e.eval(ROW));
    // Folded at compile time: it no longer reads its row at all.
    assertEquals("ABC", e.eval(null));
  }

  @Test
  void commonSubexpressionsAreEvaluatedOncePerRow() {
    ExprSpec extract = call("REGEXP_EXTRACT", STR, ref(0, STR), lit("id=(\\d+)", STR), lit(1, INT));
    ExprSpec condition = call("IS NOT NULL", BOOL, extract);
    ExprSpec projection = call("UPPER", STR, extract);
    ExpressionCompiler compiler = new ExpressionCompiler(CompileContext.utc());
    compiler.shareCommonSubexpressions(java.util.Arrays.asList(projection, condition));
    RowPredicate filter = compiler.compilePredicate(condition);
    RowExpression upper = compiler.compile(projection);
    // The shared value follows the row: each row gets its own, in whatever order they come.
    Row a = Row.of("x?id=12");
    Row b = Row.of("y?id=345");
    Row none = Row.of("z");
    assertEquals(true, filter.test(a));
    assertEquals("12", upper.eval(a));
    assertEquals(true, filter.test(b));
    assertEquals("345", upper.eval(b));
    assertEquals("12", upper.eval(a));
    assertEquals(false, filter.test(none));
    assertNull(upper.eval(none));
    assertEquals(true, filter.test(Row.of("x?id=12"))); // an equal row, another object
  }

  @Test
  void dateFormatOfSuccessiveTimestampsFollowsEachOne() {
    RowExpression minute = new ExpressionCompiler(CompileContext.utc())
        .compile(call("DATE_FORMAT", STR, ref(0, TS), lit("HH:mm", STR)));
    RowExpression second = new ExpressionCompiler(CompileContext.utc())
        .compile(call("DATE_FORMAT", STR, ref(0, TS), lit("mm:ss", STR)));
    long t = 1586937907123L; // 2020-04-15 08:05:07.123
    assertEquals("08:05", minute.eval(Row.of(t)));
    assertEquals("08:05", minute.eval(Row.of(t + 52_000))); // 08:05:59.123
    assertEquals("08:06", minute.eval(Row.of(t + 53_000)));
    assertEquals("08:05", minute.eval(Row.of(t))); // out of order
    assertEquals("05:07", second.eval(Row.of(t)));
    assertEquals("05:08", second.eval(Row.of(t + 900)));
    assertEquals(60_000L, DateTimeFunctions.unchangedFor("yyyy-MM-dd HH:mm"));
    assertEquals(1_000L, DateTimeFunctions.unchangedFor("HH:mm:ss"));
    assertEquals(0L, DateTimeFunctions.unchangedFor("HH:mm:ss.SSS"));
    assertEquals(60_000L, DateTimeFunctions.unchangedFor("'at' HH:mm")); // quoted letters are text
  }
}
