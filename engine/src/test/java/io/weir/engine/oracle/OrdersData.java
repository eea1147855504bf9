package io.weir.engine.oracle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic test orders: event times out of order by up to 3 s (inside a 5 s watermark bound),
 * plus late rows far behind the watermark. Every timestamp and amount is unique, so orderings
 * (Top-N, deduplication, OVER frames) have no ties and both engines must agree row for row.
 *
 * <p>Late rows are placed so that they are late whatever the batching: each follows, by more than
 * two read batches (512 lines each), a row whose time puts the watermark past the late row's
 * windows, and the source emits its watermark after every batch
 * ({@code pipeline.auto-watermark-interval} = 0).
 */
public final class OrdersData {
  public static final long BASE = 1704067200000L; // 2024-01-01 00:00:00 UTC
  public static final String[] CUSTOMERS = {"ann", "bob", "cy", "dee", "eve"};

  /** One order; {@code late} marks rows an event-time operator must drop. */
  public record Order(long id, String customer, int amount, long ts, boolean late) {}

  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  public static List<Order> generate(int normalRows) {
    Random random = new Random(42);
    List<Order> orders = new ArrayList<>();
    for (int i = 0; i < normalRows; i++) {
      int skew = random.nextInt(7) - 3; // seconds, within the 5 s bound
      long ts = BASE + (i + skew) * 1000L + (i % 500) * 2L;
      int amount = (int) ((i * 37L) % 3001) + 1; // unique: 37 is invertible mod 3001
      orders.add(new Order(i, CUSTOMERS[random.nextInt(CUSTOMERS.length)], amount, ts, false));
      if (i >= 1100 && i % 250 == 0) {
        long lateTs = BASE + (i - 1024) * 1000L - 60_000L + (i % 500) * 2L + 1;
        orders.add(new Order(100_000 + i, CUSTOMERS[i % CUSTOMERS.length], 5000 + i, lateTs, true));
      }
    }
    return orders;
  }

  public static String timestamp(long millis) {
    return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC).format(TS);
  }

  /** Writes the orders as JSON lines, in arrival order. */
  public static void writeJson(List<Order> orders, Path file) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (Order o : orders) {
      sb.append(String.format("{\"id\":%d,\"customer\":\"%s\",\"amount\":%d,\"ts\":\"%s\"}%n",
          o.id(), o.customer(), o.amount(), timestamp(o.ts())));
    }
    Files.writeString(file, sb.toString());
  }

  /** Loads the orders into H2 table {@code orders(id, customer, amount, ts_ms, late)}. */
  public static void load(List<Order> orders, Connection h2) throws SQLException {
    try (var s = h2.createStatement()) {
      s.execute("CREATE TABLE orders (id BIGINT, customer VARCHAR, amount INT, ts_ms BIGINT, late BOOLEAN)");
    }
    try (PreparedStatement insert = h2.prepareStatement("INSERT INTO orders VALUES (?, ?, ?, ?, ?)")) {
      for (Order o : orders) {
        insert.setLong(1, o.id());
        insert.setString(2, o.customer());
        insert.setInt(3, o.amount());
        insert.setLong(4, o.ts());
        insert.setBoolean(5, o.late());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private OrdersData() {}
}
