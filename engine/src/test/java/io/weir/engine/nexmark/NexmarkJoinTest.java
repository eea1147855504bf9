package io.weir.engine.nexmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.weir.common.data.Row;
import io.weir.engine.Engine;
import io.weir.engine.Session;
import io.weir.engine.StatementResult;
import io.weir.engine.oracle.Changelogs;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nexmark join queries as the suite publishes them (Flink dialect, unchanged) over generated
 * events, checked against H2's answer over the same events. The events reach H2 through plain
 * projections of the views, so only the join is under test.
 */
class NexmarkJoinTest {
  private static final String DDL = """
      CREATE TABLE datagen (
        event_type INT,
        person ROW<id BIGINT, name VARCHAR, emailAddress VARCHAR, creditCard VARCHAR, city VARCHAR,
                   state VARCHAR, `dateTime` TIMESTAMP(3), extra VARCHAR>,
        auction ROW<id BIGINT, itemName VARCHAR, description VARCHAR, initialBid BIGINT, reserve BIGINT,
                    `dateTime` TIMESTAMP(3), expires TIMESTAMP(3), seller BIGINT, category BIGINT, extra VARCHAR>,
        bid ROW<auction BIGINT, bidder BIGINT, price BIGINT, channel VARCHAR, url VARCHAR,
                `dateTime` TIMESTAMP(3), extra VARCHAR>,
        `dateTime` AS CASE WHEN event_type = 0 THEN person.`dateTime`
                           WHEN event_type = 1 THEN auction.`dateTime` ELSE bid.`dateTime` END,
        WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '4' SECOND
      ) WITH ('connector' = 'nexmark', 'first-event.rate' = '1000', 'next-event.rate' = '1000',
              'events.num' = '60000', 'seed' = '7', 'base-time' = '2024-01-01 00:00:00');
      CREATE VIEW person AS SELECT person.id, person.name, person.emailAddress, person.creditCard,
        person.city, person.state, `dateTime`, person.extra FROM datagen WHERE event_type = 0;
      CREATE VIEW auction AS SELECT auction.id, auction.itemName, auction.description, auction.initialBid,
        auction.reserve, `dateTime`, auction.expires, auction.seller, auction.category, auction.extra
        FROM datagen WHERE event_type = 1;
      CREATE VIEW bid AS SELECT bid.auction, bid.bidder, bid.price, bid.channel, bid.url, `dateTime`,
        bid.extra FROM datagen WHERE event_type = 2;
      """;

  private static final String Q20 = """
      SELECT
          auction, bidder, price, channel, url, B.`dateTime`, B.extra,
          itemName, description, initialBid, reserve, A.`dateTime`, expires, seller, category, A.extra
      FROM
          bid AS B INNER JOIN auction AS A on B.auction = A.id
      WHERE A.category = 10""";

  private static final String Q9 = """
      SELECT
          id, itemName, description, initialBid, reserve, `dateTime`, expires, seller, category, extra,
          auction, bidder, price, bid_dateTime, bid_extra
      FROM (
         SELECT A.*, B.auction, B.bidder, B.price, B.`dateTime` AS bid_dateTime, B.extra AS bid_extra,
           ROW_NUMBER() OVER (PARTITION BY A.id ORDER BY B.price DESC, B.`dateTime` ASC) AS rownum
         FROM auction A, bid B
         WHERE A.id = B.auction AND B.`dateTime` BETWEEN A.`dateTime` AND A.expires
      )
      WHERE rownum <= 1""";

  private static final String Q3 = """
      SELECT P.name, P.city, P.state, A.id
      FROM auction AS A INNER JOIN person AS P on A.seller = P.id
      WHERE A.category = 10 and (P.state = 'OR' OR P.state = 'ID' OR P.state = 'CA')""";

  private static final String Q8 = """
      SELECT P.id, P.name, P.starttime
      FROM (
        SELECT P.id, P.name,
               TUMBLE_START(P.dateTime, INTERVAL '10' SECOND) AS starttime,
               TUMBLE_END(P.dateTime, INTERVAL '10' SECOND) AS endtime
        FROM person P
        GROUP BY P.id, P.name, TUMBLE(P.dateTime, INTERVAL '10' SECOND)
      ) P
      JOIN (
        SELECT A.seller,
               TUMBLE_START(A.dateTime, INTERVAL '10' SECOND) AS starttime,
               TUMBLE_END(A.dateTime, INTERVAL '10' SECOND) AS endtime
        FROM auction A
        GROUP BY A.seller, TUMBLE(A.dateTime, INTERVAL '10' SECOND)
      ) A
      ON P.id = A.seller AND P.starttime = A.starttime AND P.endtime = A.endtime""";

  private static final String Q4 = """
      SELECT
          Q.category,
          AVG(Q.final)
      FROM (
          SELECT MAX(B.price) AS final, A.category
          FROM auction A, bid B
          WHERE A.id = B.auction AND B.dateTime BETWEEN A.dateTime AND A.expires
          GROUP BY A.id, A.category
      ) Q
      GROUP BY Q.category""";

  private static final String Q7 = """
      SELECT B.auction, B.price, B.bidder, B.dateTime, B.extra
      from bid B
      JOIN (
        SELECT MAX(B1.price) AS maxprice, TUMBLE_ROWTIME(B1.dateTime, INTERVAL '10' SECOND) as dateTime
        FROM bid B1
        GROUP BY TUMBLE(B1.dateTime, INTERVAL '10' SECOND)
      ) B1
      ON B.price = B1.maxprice
      WHERE B.dateTime BETWEEN B1.dateTime  - INTERVAL '10' SECOND AND B1.dateTime""";

  private static List<Row> run(Session s, String sql) throws InterruptedException {
    return Session.collectAll((StatementResult.QueryResult) s.execute(sql), Duration.ofSeconds(120));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4})
  void joinQueriesEqualTheBatchAnswer(int parallelism) throws Exception {
    try (Engine engine = Engine.create(); Connection h2 = DriverManager.getConnection("jdbc:h2:mem:nexmark" + parallelism)) {
      Session s = engine.newSession();
      s.execute("SET 'parallelism.default' = '" + parallelism + "'");
      s.executeScript(DDL, r -> { });
      try (var st = h2.createStatement()) {
        st.execute("CREATE TABLE person (id BIGINT, name VARCHAR, city VARCHAR, state VARCHAR, ts BIGINT)");
        st.execute("CREATE TABLE auction (id BIGINT, seller BIGINT, category BIGINT, ts BIGINT, expires BIGINT)");
        st.execute("CREATE TABLE bid (auction BIGINT, bidder BIGINT, price BIGINT, ts BIGINT)");
      }
      load(h2, "INSERT INTO person VALUES (?, ?, ?, ?, ?)", run(s, "SELECT id, name, city, state, `dateTime` FROM person"));
      load(h2, "INSERT INTO auction VALUES (?, ?, ?, ?, ?)", run(s, "SELECT id, seller, category, `dateTime`, expires FROM auction"));
      load(h2, "INSERT INTO bid VALUES (?, ?, ?, ?)", run(s, "SELECT auction, bidder, price, `dateTime` FROM bid"));
      try (var st = h2.createStatement()) {
        // H2 joins by nested loops: indexes keep the oracle's joins fast.
        st.execute("CREATE INDEX bid_price ON bid(price)");
        st.execute("CREATE INDEX bid_auction ON bid(auction)");
        st.execute("CREATE INDEX auction_id ON auction(id)");
        st.execute("CREATE INDEX person_id ON person(id)");
      }

      check("q3", Changelogs.apply(run(s, Q3)), h2, "SELECT P.name, P.city, P.state, A.id FROM auction A JOIN person P "
          + "ON A.seller = P.id WHERE A.category = 10 AND P.state IN ('OR', 'ID', 'CA')");
      check("q8", Changelogs.apply(run(s, Q8)), h2, "SELECT DISTINCT P.id, P.name, P.ws FROM "
          + "(SELECT id, name, ts - MOD(ts, 10000) AS ws FROM person) P JOIN "
          + "(SELECT seller, ts - MOD(ts, 10000) AS ws FROM auction) A ON P.id = A.seller AND P.ws = A.ws");
      check("q20", Changelogs.apply(run(s, Q20)).stream().map(r -> List.of(r.get(0), r.get(1), r.get(2), r.get(13))).toList(),
          h2, "SELECT B.auction, B.bidder, B.price, A.seller FROM bid B JOIN auction A ON B.auction = A.id WHERE A.category = 10");
      check("q4", Changelogs.apply(run(s, Q4)), h2, "SELECT category, CAST(FLOOR(SUM(final) * 1.0 / COUNT(final)) AS BIGINT) FROM (SELECT MAX(B.price) "
          + "AS final, A.category FROM auction A JOIN bid B ON A.id = B.auction AND B.ts BETWEEN A.ts AND A.expires "
          + "GROUP BY A.id, A.category) GROUP BY category");
      check("q7", Changelogs.apply(run(s, Q7)).stream().map(r -> List.of(r.get(0), r.get(1), r.get(2))).toList(), h2,
          "SELECT B.auction, B.price, B.bidder FROM bid B JOIN (SELECT MAX(price) AS maxprice, ws + 9999 AS wt FROM "
              + "(SELECT price, ts - MOD(ts, 10000) AS ws FROM bid) GROUP BY ws) B1 ON B.price = B1.maxprice "
              + "WHERE B.ts BETWEEN B1.wt - 10000 AND B1.wt");
      check("q9", Changelogs.apply(run(s, Q9)).stream().map(r -> List.of(r.get(0), r.get(11), r.get(12))).toList(),
          h2, "SELECT id, bidder, price FROM (SELECT A.id, B.bidder, B.price, ROW_NUMBER() OVER (PARTITION BY A.id "
              + "ORDER BY B.price DESC, B.ts ASC) AS rn FROM auction A JOIN bid B ON A.id = B.auction "
              + "AND B.ts BETWEEN A.ts AND A.expires) WHERE rn <= 1");
    }
  }

  private static void load(Connection h2, String insert, List<Row> rows) throws Exception {
    try (PreparedStatement ps = h2.prepareStatement(insert)) {
      for (Row r : rows) {
        for (int i = 0; i < r.arity(); i++) {
          ps.setObject(i + 1, r.field(i));
        }
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void check(String name, List<List<String>> actual, Connection h2, String oracle) throws Exception {
    List<List<String>> expected = new ArrayList<>();
    try (var st = h2.createStatement(); ResultSet rs = st.executeQuery(oracle)) {
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          row.add(Changelogs.normalize(rs.getObject(i)));
        }
        expected.add(row);
      }
    }
    assertFalse(expected.isEmpty(), name + ": the oracle must have something to compare");
    expected.sort((a, b) -> String.join("|", a).compareTo(String.join("|", b)));
    List<List<String>> got = new ArrayList<>(actual);
    got.sort((a, b) -> String.join("|", a).compareTo(String.join("|", b)));
    assertEquals(expected, got, name);
  }
}
