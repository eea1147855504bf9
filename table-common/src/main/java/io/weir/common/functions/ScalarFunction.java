package io.weir.common.functions;

/**
 * The base of a user-defined scalar function, registered with {@code CREATE FUNCTION name AS
 * 'com.example.MyFunction'} as in Flink.
 *
 * <p>A subclass has a public no-argument constructor and one or more public methods named {@code
 * eval} (overloads allowed, not static, not varargs). Their parameter and return types give the
 * SQL types: {@code String} STRING, {@code boolean} BOOLEAN, {@code byte} TINYINT, {@code short}
 * SMALLINT, {@code int} INT, {@code long} BIGINT, {@code float} FLOAT, {@code double} DOUBLE,
 * {@code BigDecimal} DECIMAL(38, 18), {@code LocalDate} DATE, {@code LocalDateTime} TIMESTAMP(3),
 * {@code Instant} TIMESTAMP_LTZ(3), {@code byte[]} BYTES, and the boxed forms. A call with a NULL
 * argument for a primitive parameter returns NULL without calling {@code eval}.
 *
 * <p>Each parallel task creates its own instance, so an instance is used by one thread at a time
 * and may keep scratch state; {@code eval} is called once per row and should not block.
 *
 * <pre>{@code
 * public class CountChar extends ScalarFunction {
 *   public long eval(String s, String character) { ... }
 * }
 * }</pre>
 */
public abstract class ScalarFunction {}
