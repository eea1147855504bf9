package io.weir.engine;

/**
 * The table a new shell starts with, so a newcomer sees rows move in the first minute: orders
 * generated a few per second by the {@code datagen} connector.
 */
public final class DemoTable {
  private DemoTable() {}

  public static final String NAME = "demo";

  public static final String DDL = """
      CREATE TABLE IF NOT EXISTS demo (
        order_id BIGINT,
        customer STRING,
        product STRING,
        amount INT,
        order_time TIMESTAMP(3),
        WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
      ) WITH (
        'connector' = 'datagen',
        'rows-per-second' = '5',
        'fields.order_id.kind' = 'sequence',
        'fields.order_id.start' = '1',
        'fields.order_id.end' = '100000000',
        'fields.customer.length' = '4',
        'fields.product.length' = '1',
        'fields.amount.min' = '1',
        'fields.amount.max' = '500',
        'fields.order_time.max-past' = '5 s'
      )""";

  /** Creates the demo table in {@code session}'s catalog unless it exists. */
  public static void register(Session session) {
    session.execute(DDL);
  }
}
