package io.weir.connectors.nexmark;

import static io.weir.connectors.testing.ConnectorTesting.context;
import static io.weir.connectors.testing.ConnectorTesting.isBounded;
import static io.weir.connectors.testing.ConnectorTesting.readAll;
import static io.weir.connectors.testing.ConnectorTesting.readSplit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.common.data.Row;
import io.weir.common.error.WeirException;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import io.weir.connectors.testing.ConnectorTesting;
import io.weir.connectors.testing.ConnectorTesting.RecordingContext;
import io.weir.runtime.connector.SourceSplit;
import io.weir.runtime.connector.SplitReader;
import io.weir.runtime.connector.TableContext;
import io.weir.runtime.connector.TableSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NexmarkTableFactoryTest {
  private static final RowType TYPE = NexmarkSchema.TYPE;
  private static final long BASE = 1_700_000_000_000L;
  private static final List<String> STATES = List.of("AZ", "CA", "ID", "OR", "WA", "WY");
  private static final List<String> CITIES = List.of("Phoenix", "Los Angeles", "San Francisco",
      "Boise", "Portland", "Bend", "Redmond", "Seattle", "Kent", "Cheyenne");
  private static final List<String> HOT_CHANNELS = List.of("Google", "Facebook", "Baidu", "Apple");

  private static Map<String, String> options(String... kv) {
    Map<String, String> m = new HashMap<>();
    m.put("connector", "nexmark");
    m.put("base-time", String.valueOf(BASE));
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private static TableContext ctx(String... kv) {
    return context("datagen", TYPE, options(kv));
  }

  private static int type(Row r) {
    return (Integer) r.field(0);
  }

  private static Row person(Row r) {
    return (Row) r.field(1);
  }

  private static Row auction(Row r) {
    return (Row) r.field(2);
  }

  private static Row bid(Row r) {
    return (Row) r.field(3);
  }

  /** The event time of an event row, as the DDL's computed `dateTime` column has it. */
  private static long dateTime(Row r) {
    return switch (type(r)) {
      case 0 -> (Long) person(r).field(6);
      case 1 -> (Long) auction(r).field(5);
      default -> (Long) bid(r).field(5);
    };
  }

  private static List<List<Row>> readSplits(TableContext context, int parallelism) throws Exception {
    TableSource source = ConnectorTesting.source(context);
    List<List<Row>> result = new ArrayList<>();
    for (SourceSplit split : source.splits(parallelism)) {
      result.add(readSplit(source, split, new RecordingContext(0, parallelism)));
    }
    return result;
  }

  // ---------------------------------------------------------------- determinism

  @Test
  void theSameSeedGivesTheSameRows() throws Exception {
    List<Row> a = readAll(ctx("events.num", "5000", "seed", "42"), 2);
    List<Row> b = readAll(ctx("events.num", "5000", "seed", "42"), 2);
    assertEquals(5000, a.size());
    assertEquals(a, b);
    List<Row> c = readAll(ctx("events.num", "5000", "seed", "43"), 2);
    assertNotEquals(a, c);
    // Another seed changes the random values, never the ids, types or times.
    for (int i = 0; i < a.size(); i++) {
      assertEquals(type(a.get(i)), type(c.get(i)));
      assertEquals(dateTime(a.get(i)), dateTime(c.get(i)));
    }
  }

  @Test
  void aBaseTimeAsTextIsUtc() throws Exception {
    List<Row> rows = readAll(ctx("events.num", "10", "base-time", "2023-11-14 22:13:20"), 1);
    assertEquals(BASE, dateTime(rows.get(0)));
    List<Row> iso = readAll(ctx("events.num", "10", "base-time", "2023-11-14T22:13:20"), 1);
    assertEquals(rows, iso);
  }

  @Test
  void withoutABaseTimeEventsStartWhenTheSourceIsCreated() throws Exception {
    Map<String, String> o = options("events.num", "10");
    o.remove("base-time");
    long before = System.currentTimeMillis();
    List<Row> rows = readAll(context("t", TYPE, o), 1);
    long after = System.currentTimeMillis();
    long first = dateTime(rows.get(0));
    assertTrue(first >= before && first <= after, first + " not in [" + before + ", " + after + "]");
  }

  // ---------------------------------------------------------------- proportions and ids

  @Test
  void proportionsOver50000Events() throws Exception {
    int[] counts = new int[3];
    for (Row r : readAll(ctx("events.num", "50000"), 1)) {
      counts[type(r)]++;
    }
    assertEquals(1000, counts[0]);
    assertEquals(3000, counts[1]);
    assertEquals(46000, counts[2]);

    counts = new int[3];
    for (Row r : readAll(ctx("events.num", "50000", "person.proportion", "2",
        "auction.proportion", "3", "bid.proportion", "5"), 3)) {
      counts[type(r)]++;
    }
    assertEquals(10000, counts[0]);
    assertEquals(15000, counts[1]);
    assertEquals(25000, counts[2]);
  }

  @Test
  void onlyTheRowOfTheEventsKindIsSet() throws Exception {
    for (Row r : readAll(ctx("events.num", "500"), 1)) {
      int t = type(r);
      assertEquals(t == 0, person(r) != null);
      assertEquals(t == 1, auction(r) != null);
      assertEquals(t == 2, bid(r) != null);
    }
  }

  /** The last person (base 0) at event {@code eventId} with proportions 1 : 3 : 46. */
  private static long lastPerson(long eventId) {
    return eventId / 50;
  }

  /** The last auction (base 0) at event {@code eventId} with proportions 1 : 3 : 46. */
  private static long lastAuction(long eventId) {
    long rem = eventId % 50;
    return rem < 1 ? (eventId / 50 - 1) * 3 + 2 : rem < 4 ? (eventId / 50) * 3 + rem - 1 : (eventId / 50) * 3 + 2;
  }

  @Test
  void eventIdsDecideKindsIdsAndReferences() throws Exception {
    List<Row> rows = readAll(ctx("events.num", "50000"), 1);
    Set<Long> persons = new HashSet<>();
    Set<Long> auctionIds = new HashSet<>();
    long hotAuctions = 0;
    long hotBidders = 0;
    long hotSellers = 0;
    long bids = 0;
    long auctions = 0;
    long leads = 0;
    for (int n = 0; n < rows.size(); n++) {
      Row r = rows.get(n);
      long eventId = n + 1;
      long rem = eventId % 50;
      assertEquals(rem < 1 ? 0 : rem < 4 ? 1 : 2, type(r), "event " + eventId);
      // People (base 0) a random pick draws from: the last 1000, or up to 10 not generated yet.
      long people = lastPerson(eventId) + 1;
      long lowPerson = people - Math.min(people, 1000);
      long highPerson = people + 10;
      switch (type(r)) {
        case 0 -> {
          long id = (Long) person(r).field(0);
          assertEquals(eventId / 50 + 1000, id);
          assertEquals(lastPerson(eventId) + 1000, id);
          persons.add(id);
        }
        case 1 -> {
          long id = (Long) auction(r).field(0);
          assertEquals((eventId / 50) * 3 + (rem - 1) + 1000, id);
          assertEquals(lastAuction(eventId) + 1000, id);
          assertTrue(auctionIds.isEmpty() || auctionIds.contains(id - 1), "auction ids are consecutive");
          auctionIds.add(id);
          auctions++;
          long seller = (Long) auction(r).field(7) - 1000;
          if (seller == (lastPerson(eventId) / 100) * 100) {
            hotSellers++;
          } else {
            assertTrue(seller >= lowPerson && seller < highPerson, "seller " + seller + " at event " + eventId);
          }
        }
        default -> {
          bids++;
          long auction = (Long) bid(r).field(0) - 1000;
          long last = lastAuction(eventId);
          assertTrue(auctionIds.contains(last + 1000), "the last auction was generated");
          if (auction == (last / 100) * 100) {
            hotAuctions++;
          } else {
            assertTrue(auction >= Math.max(last - 100, 0) && auction <= last + 10,
                "auction " + auction + " at event " + eventId);
            leads += auction > last ? 1 : 0;
          }
          // Bidder ids are person ids + 1000: Flink adds the first person id twice.
          long bidder = (Long) bid(r).field(1) - 2000;
          if (bidder == (lastPerson(eventId) / 100) * 100 + 1) {
            hotBidders++;
          } else {
            assertTrue(bidder >= lowPerson && bidder < highPerson, "bidder " + bidder + " at event " + eventId);
          }
        }
      }
    }
    assertEquals(1000, persons.size());
    assertEquals(3000, auctionIds.size());
    // Hot with probability 1/2 (auctions), 3/4 (bidders, sellers), plus the odd random hit.
    assertEquals(0.5, (double) hotAuctions / bids, 0.02);
    assertEquals(0.75, (double) hotBidders / bids, 0.02);
    assertEquals(0.75, (double) hotSellers / auctions, 0.04);
    assertTrue(leads > 0, "some bids are for auctions not created yet, as in Flink");
  }

  @Test
  void valuesFollowTheGeneratorsRules() throws Exception {
    List<Row> rows = readAll(ctx("events.num", "20000"), 2);
    Set<String> channels = new HashSet<>();
    Map<String, String> urlOfChannel = new HashMap<>();
    long personSize = 0;
    long persons = 0;
    for (Row r : rows) {
      switch (type(r)) {
        case 0 -> {
          // Strings are trimmed, as in Flink, so one of all spaces is empty.
          Row p = person(r);
          assertTrue(((String) p.field(1)).matches(
              "(Peter|Paul|Luke|John|Saul|Vicky|Kate|Julie|Sarah|Deiter|Walter) "
                  + "(Shultz|Abrams|Spencer|White|Bartels|Walton|Smith|Jones|Noris)"), p.toString());
          assertTrue(((String) p.field(2)).matches("([a-z]([a-z ]{0,4}[a-z])?)?@([a-z]([a-z ]{0,2}[a-z])?)?\\.com"),
              p.toString());
          assertTrue(((String) p.field(3)).matches("\\d{4} \\d{4} \\d{4} \\d{4}"), p.toString());
          assertTrue(CITIES.contains((String) p.field(4)), p.toString());
          assertTrue(STATES.contains((String) p.field(5)), p.toString());
          int size = 8;
          for (int f = 1; f <= 5; f++) {
            size += ((String) p.field(f)).length();
          }
          personSize += size + ((String) p.field(7)).length();
          persons++;
        }
        case 1 -> {
          Row a = auction(r);
          String itemName = (String) a.field(1);
          String description = (String) a.field(2);
          assertTrue(itemName.matches("([a-z]([a-z ]{0,17}[a-z])?)?"), itemName);
          assertTrue(description.matches("([a-z]([a-z ]{0,97}[a-z])?)?"), description);
          long initialBid = (Long) a.field(3);
          long reserve = (Long) a.field(4);
          assertTrue(initialBid >= 100 && initialBid <= 100_000_000L, "price " + initialBid);
          assertTrue(reserve >= initialBid + 100, "reserve " + reserve);
          long ts = (Long) a.field(5);
          long expires = (Long) a.field(6);
          // 1666 events ahead at 10000 events/s over 2 splits is ~333 ms: expiry within ~666 ms.
          assertTrue(expires > ts && expires <= ts + 1 + 2 * 334, "expires " + (expires - ts) + " ms after");
          long category = (Long) a.field(8);
          assertTrue(category >= 10 && category < 15, "category " + category);
          int size = 8 + itemName.length() + description.length() + 40;
          int extra = ((String) a.field(9)).length();
          int want = 500 - size;
          assertTrue(extra >= want - Math.round(want * 0.2) && extra < want + Math.round(want * 0.2),
              "auction extra " + extra + " for size " + size);
        }
        default -> {
          Row b = bid(r);
          long price = (Long) b.field(2);
          assertTrue(price >= 100 && price <= 100_000_000L, "price " + price);
          String channel = (String) b.field(3);
          String url = (String) b.field(4);
          channels.add(channel);
          assertTrue(HOT_CHANNELS.contains(channel) || channel.matches("channel-\\d{1,4}"), channel);
          assertTrue(url.matches("https://www\\.nexmark\\.com/[a-z_]{3,4}/[a-z_]{3,4}/[a-z_]{3,4}/item\\.htm\\?query=1"
              + "(&channel_id=\\d+)?"), url);
          if (url.contains("&channel_id=")) {
            int i = Integer.parseInt(channel.substring("channel-".length()));
            assertTrue(url.endsWith("&channel_id=" + Math.abs(Integer.reverse(i))), url);
          }
          String previous = urlOfChannel.putIfAbsent(channel, url);
          assertTrue(previous == null || previous.equals(url), "one url per channel: " + channel);
          int extra = ((String) b.field(6)).length();
          assertTrue(extra >= 54 && extra < 82, "bid extra " + extra);
          assertTrue(((String) b.field(6)).matches("[a-z]*"));
        }
      }
    }
    assertTrue(channels.containsAll(HOT_CHANNELS));
    assertTrue(channels.size() > 1000, "channels " + channels.size());
    assertEquals(200, (double) personSize / persons, 10);
  }

  // ---------------------------------------------------------------- splits and time

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 4})
  void eventTimeIsMonotoneInASplitAndSplitsSpanTheSameRange(int parallelism) throws Exception {
    List<List<Row>> splits = readSplits(ctx("events.num", "60000", "first-event.rate", "10000"), parallelism);
    assertEquals(parallelism, splits.size());
    for (List<Row> split : splits) {
      long previous = Long.MIN_VALUE;
      for (Row r : split) {
        long t = dateTime(r);
        assertTrue(t >= previous, "event time went back in a split");
        previous = t;
      }
      assertEquals(BASE, dateTime(split.get(0)));
      // 60000 events at 10000 events/s, all splits together: six seconds of event time.
      assertEquals(BASE + 6000, previous, 2);
    }
  }

  @Test
  void eventTimeFollowsFlinksFormula() throws Exception {
    // Split i's event n is at base + floor(n * 1e6 / rate * p) / 1000 ms.
    List<List<Row>> splits = readSplits(ctx("events.num", "3000", "first-event.rate", "7000"), 3);
    for (List<Row> split : splits) {
      for (int n = 0; n < split.size(); n++) {
        assertEquals(BASE + (long) (n * (1e6 / 7000 * 3)) / 1000, dateTime(split.get(n)));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7})
  void eventsNumIsSplitExactlyIntoSlicesOfEventIds(int parallelism) throws Exception {
    TableContext c = ctx("events.num", "10007");
    assertTrue(isBounded(c));
    TableSource source = ConnectorTesting.source(c);
    List<SourceSplit> splits = source.splits(parallelism);
    long next = 1;
    for (SourceSplit s : splits) {
      NexmarkSplit split = (NexmarkSplit) s;
      assertEquals(next, split.firstEventId(), "slices are contiguous");
      next += split.eventCount();
    }
    assertEquals(10008, next, "the slices cover 1..10007");
    // Every person and auction id of 1..10007 appears exactly once over all splits.
    List<Long> persons = new ArrayList<>();
    List<Long> auctions = new ArrayList<>();
    int total = 0;
    for (SourceSplit s : splits) {
      List<Row> rows = readSplit(source, s, new RecordingContext(0, parallelism));
      NexmarkSplit split = (NexmarkSplit) s;
      assertEquals(split.eventCount(), rows.size());
      for (int n = 0; n < rows.size(); n++) {
        Row r = rows.get(n);
        long eventId = split.firstEventId() + n;
        long rem = eventId % 50;
        assertEquals(rem < 1 ? 0 : rem < 4 ? 1 : 2, type(r));
        if (type(r) == 0) {
          persons.add((Long) person(r).field(0));
        } else if (type(r) == 1) {
          auctions.add((Long) auction(r).field(0));
        }
      }
      total += rows.size();
    }
    assertEquals(10007, total);
    List<Long> wantPersons = new ArrayList<>();
    List<Long> wantAuctions = new ArrayList<>();
    for (long id = 1; id <= 10007; id++) {
      long rem = id % 50;
      if (rem < 1) {
        wantPersons.add(id / 50 + 1000);
      } else if (rem < 4) {
        wantAuctions.add((id / 50) * 3 + rem - 1 + 1000);
      }
    }
    assertEquals(wantPersons, new ArrayList<>(new TreeSet<>(persons)));
    assertEquals(wantPersons.size(), persons.size());
    assertEquals(wantAuctions, new ArrayList<>(new TreeSet<>(auctions)));
    assertEquals(wantAuctions.size(), auctions.size());
  }

  @Test
  void moreSplitsThanEventsLeaveSomeEmpty() throws Exception {
    assertEquals(2, readAll(ctx("events.num", "2"), 3).size());
  }

  @Test
  void unboundedSlicesAreFlinks() throws Exception {
    TableContext c = ctx();
    assertFalse(isBounded(c));
    assertFalse(isBounded(ctx("events.num", "0")));
    List<SourceSplit> splits = ConnectorTesting.source(c).splits(4);
    long max = Long.MAX_VALUE / (50L * 500);
    assertEquals(1 + 3 * (max / 4), ((NexmarkSplit) splits.get(3)).firstEventId());
    TableSource source = ConnectorTesting.source(c);
    try (SplitReader reader = source.createReader(splits.get(1), new RecordingContext(1, 4))) {
      List<Row> rows = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        assertEquals(SplitReader.ReadStatus.MORE_AVAILABLE, reader.read(rows::add));
      }
      assertEquals(3 * NexmarkReader.BATCH_SIZE, rows.size());
      assertEquals(3L * NexmarkReader.BATCH_SIZE, ((NexmarkReader) reader).nextEventNumber());
    }
  }

  @Test
  void aResumedSplitEmitsTheRestExactly() throws Exception {
    TableContext c = ctx("events.num", "3000");
    TableSource source = ConnectorTesting.source(c);
    NexmarkSplit split = (NexmarkSplit) source.splits(2).get(1);
    List<Row> all = readSplit(source, split, new RecordingContext(0, 2));
    List<Row> rest = readSplit(source, split.resumedAt(777), new RecordingContext(0, 2));
    assertEquals(all.subList(777, all.size()), rest);
  }

  @Test
  void stopAtEndsEarlyWithTheSameEvents() throws Exception {
    TableContext c = ctx("events.num", "4000", "stop-at", "1001");
    assertTrue(isBounded(c));
    List<List<Row>> stopped = readSplits(c, 2);
    List<List<Row>> full = readSplits(ctx("events.num", "4000"), 2);
    assertEquals(500, stopped.get(0).size());
    assertEquals(501, stopped.get(1).size());
    assertEquals(full.get(1).subList(0, 501), stopped.get(1));
  }

  @Test
  void keepAliveStaysOpenAfterTheLastEvent() throws Exception {
    TableContext c = ctx("events.num", "10", "keep-alive", "true");
    assertFalse(isBounded(c));
    TableSource source = ConnectorTesting.source(c);
    try (SplitReader reader = source.createReader(source.splits(1).get(0), new RecordingContext(0, 1))) {
      List<Row> rows = new ArrayList<>();
      assertEquals(SplitReader.ReadStatus.MORE_AVAILABLE, reader.read(rows::add));
      assertEquals(10, rows.size());
      assertEquals(SplitReader.ReadStatus.NOTHING_AVAILABLE, reader.read(rows::add));
      assertEquals(SplitReader.ReadStatus.NOTHING_AVAILABLE, reader.read(rows::add));
      assertEquals(10, rows.size());
    }
  }

  @Test
  void aSquareRateAlternatesBetweenTheTwoRates() throws Exception {
    // 2 s period: 1 s at 1000 events/s, then 1 s at 3000 events/s, and again.
    List<Row> rows = readAll(ctx("events.num", "8000", "first-event.rate", "1000",
        "next-event.rate", "3000", "rate.shape", "square", "rate.period", "2 s"), 1);
    int[] perSecond = new int[5];
    for (Row r : rows) {
      perSecond[(int) ((dateTime(r) - BASE) / 1000)]++;
    }
    assertEquals(List.of(1000, 3000, 1000, 3000, 0), IntStream.of(perSecond).boxed().toList());
  }

  @Test
  void aSineRateStaysBetweenTheTwoRates() throws Exception {
    List<Row> rows = readAll(ctx("events.num", "30000", "first-event.rate", "1000",
        "next-event.rate", "2000", "rate.shape", "SINE", "rate.period", "10 s"), 1);
    int[] perSecond = new int[40];
    long previous = BASE;
    for (Row r : rows) {
      assertTrue(dateTime(r) >= previous);
      previous = dateTime(r);
      perSecond[(int) ((dateTime(r) - BASE) / 1000)]++;
    }
    assertEquals(1000, perSecond[0]);
    assertEquals(2000, perSecond[5]);
    for (int s = 0; s < 10; s++) {
      assertTrue(perSecond[s] >= 1000 && perSecond[s] <= 2000, "second " + s + ": " + perSecond[s]);
    }
  }

  @Test
  void pacedEmissionWaitsForTheWallClock() throws Exception {
    TableContext c = ctx("first-event.rate", "10", "max-emit-speed", "false");
    TableSource source = ConnectorTesting.source(c);
    try (SplitReader reader = source.createReader(source.splits(1).get(0), new RecordingContext(0, 1))) {
      List<Row> rows = new ArrayList<>();
      reader.read(rows::add);
      assertEquals(1, rows.size(), "only the event at the base time is due");
      assertEquals(SplitReader.ReadStatus.NOTHING_AVAILABLE, reader.read(rows::add));
      Thread.sleep(250);
      reader.read(rows::add);
      assertTrue(rows.size() >= 3 && rows.size() <= 5, "events after 250 ms at 10/s: " + rows.size());
    }
  }

  // ---------------------------------------------------------------- projection

  @Test
  void projectionBuildsOnlyTheReadColumnsInTheirOrder() throws Exception {
    List<Row> full = readAll(ctx("events.num", "2000"), 2);
    List<Row> bids = readAll(context("datagen", TYPE, options("events.num", "2000"), List.of(3, 0)), 2);
    assertEquals(full.size(), bids.size());
    for (int i = 0; i < full.size(); i++) {
      Row f = full.get(i);
      Row b = bids.get(i);
      assertEquals(2, b.arity());
      assertEquals(f.field(0), b.field(1));
      // The bid is the same whether or not person and auction rows were built.
      assertEquals(f.field(3), b.field(0));
    }
    List<Row> persons = readAll(context("datagen", TYPE, options("events.num", "2000"), List.of(1)), 2);
    assertEquals(2000, persons.size());
    int set = 0;
    for (int i = 0; i < persons.size(); i++) {
      assertEquals(1, persons.get(i).arity());
      assertEquals(full.get(i).field(1), persons.get(i).field(0));
      set += persons.get(i).field(0) == null ? 0 : 1;
    }
    assertEquals(40, set);
    List<Row> none = readAll(context("datagen", TYPE, options("events.num", "100"), List.of()), 1);
    assertEquals(100, none.size());
    assertEquals(0, none.get(0).arity());
  }

  @Test
  void aBidOnlyQueryLeavesPersonAndAuctionNull() throws Exception {
    for (Row r : readAll(context("datagen", TYPE, options("events.num", "1000"), List.of(0, 3)), 1)) {
      assertNotNull(r.field(0));
      assertEquals((Integer) r.field(0) == 2, r.field(1) != null);
    }
  }

  // ---------------------------------------------------------------- validation

  private static WeirException sourceError(TableContext c) {
    return assertThrows(WeirException.class, () -> ConnectorTesting.source(c));
  }

  @Test
  void aMisshapenTableIsRejectedWithTheExpectedShape() {
    RowType missingBid = RowType.builder()
        .add("event_type", LogicalType.integer())
        .add("person", TYPE.type(1))
        .add("auction", TYPE.type(2))
        .build();
    WeirException e = sourceError(context("t", missingBid, options()));
    assertTrue(e.getMessage().contains("3 physical column(s)"), e.getMessage());
    assertTrue(e.getMessage().contains("bid ROW<auction BIGINT, bidder BIGINT"), e.getMessage());
    assertTrue(e.getMessage().contains("Table 't'"), e.getMessage());

    List<LogicalType.Field> bidFields = new ArrayList<>(TYPE.type(3).children());
    bidFields.set(2, new LogicalType.Field("price", LogicalType.doubleType()));
    RowType wrongType = RowType.builder()
        .add("event_type", LogicalType.integer())
        .add("person", TYPE.type(1))
        .add("auction", TYPE.type(2))
        .add("bid", LogicalType.row(bidFields))
        .build();
    e = sourceError(context("t", wrongType, options()));
    assertTrue(e.getMessage().contains("field `bid`.`price` has type DOUBLE instead of BIGINT"), e.getMessage());

    RowType renamed = RowType.builder()
        .add("kind", LogicalType.integer())
        .add("person", TYPE.type(1))
        .add("auction", TYPE.type(2))
        .add("bid", TYPE.type(3))
        .build();
    e = sourceError(context("t", renamed, options()));
    assertTrue(e.getMessage().contains("`kind` instead of `event_type`"), e.getMessage());

    List<LogicalType.Field> oldBid = new ArrayList<>(TYPE.type(3).children());
    oldBid.remove(4);
    oldBid.remove(3);
    RowType v1 = RowType.builder()
        .add("event_type", LogicalType.integer())
        .add("person", TYPE.type(1))
        .add("auction", TYPE.type(2))
        .add("bid", LogicalType.row(oldBid))
        .build();
    e = sourceError(context("t", v1, options()));
    assertTrue(e.getMessage().contains("field 4 of column `bid` is `dateTime` instead of `channel`"), e.getMessage());

    RowType notNull = RowType.builder()
        .add("event_type", LogicalType.integer())
        .add("person", TYPE.type(1).notNull())
        .add("auction", TYPE.type(2))
        .add("bid", TYPE.type(3))
        .build();
    e = sourceError(context("t", notNull, options()));
    assertTrue(e.getMessage().contains("`person` is NOT NULL"), e.getMessage());
  }

  @Test
  void varcharOfAnyLengthIsAccepted() throws Exception {
    List<LogicalType.Field> fields = new ArrayList<>(TYPE.type(3).children());
    fields.set(3, new LogicalType.Field("channel", LogicalType.varchar(100)));
    RowType type = RowType.builder()
        .add("event_type", LogicalType.integer().notNull())
        .add("person", TYPE.type(1))
        .add("auction", TYPE.type(2))
        .add("bid", LogicalType.row(fields))
        .build();
    assertEquals(10, readAll(context("t", type, options("events.num", "10")), 1).size());
  }

  @Test
  void badOptionValuesAreNamed() {
    assertMessage(ctx("first-event.rate", "0"), "'first-event.rate'", "positive");
    assertMessage(ctx("next-event.rate", "fast"), "'next-event.rate'", "integer");
    assertMessage(ctx("events.num", "-1"), "'events.num'", "zero (unbounded)");
    assertMessage(ctx("person.proportion", "-1"), "'person.proportion'", "zero or more");
    assertMessage(ctx("person.proportion", "0", "auction.proportion", "0", "bid.proportion", "0"),
        "must add up to a positive number");
    assertMessage(ctx("bid.hot-ratio.auctions", "0"), "'bid.hot-ratio.auctions'", "1 or more");
    assertMessage(ctx("base-time", "yesterday"), "'base-time'", "'2024-01-01 00:00:00'");
    assertMessage(ctx("rate.shape", "triangle"), "'rate.shape'", "SQUARE, SINE");
    assertMessage(ctx("rate.period", "0 s"), "'rate.period'", "at least 1 s");
    assertMessage(ctx("bid.avg-size", "100 parsecs"), "'bid.avg-size'", "unknown size unit");
    assertMessage(ctx("stop-at", "-5"), "'stop-at'", "-1 (no stop)");
    assertMessage(ctx("keep-alive", "yes"), "'keep-alive'", "'true' or 'false'");
  }

  private static void assertMessage(TableContext c, String... parts) {
    WeirException e = sourceError(c);
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), "'" + p + "' missing from: " + e.getMessage());
    }
    assertTrue(e.getMessage().contains("Table 'datagen' (connector 'nexmark')"), e.getMessage());
  }

  @Test
  void anUnknownOptionListsTheValidOnes() {
    WeirException e = assertThrows(WeirException.class,
        () -> context("t", TYPE, options("events.number", "10")));
    assertTrue(e.getMessage().contains("[events.number]"), e.getMessage());
    for (String valid : List.of("first-event.rate", "next-event.rate", "events.num", "person.proportion",
        "auction.proportion", "bid.proportion", "rate.shape", "rate.period", "seed", "base-time",
        "scan.parallelism")) {
      assertTrue(e.getMessage().contains(valid), valid + " missing from: " + e.getMessage());
    }
  }

  @Test
  void flinksSuiteOptionsAreAccepted() throws Exception {
    // The WITH clause of nexmark-flink's ddl_gen.sql and ddl_gen_v2.sql.
    TableContext c = ctx("first-event.rate", "10000000", "next-event.rate", "10000000",
        "events.num", "1000", "person.proportion", "1", "auction.proportion", "3", "bid.proportion", "46",
        "keep-alive", "false", "stop-at", "-1", "max-emit-speed", "true", "scan.parallelism", "2");
    assertEquals(1000, readAll(c, 2).size());
    assertNull(readAll(c, 1).get(0).field(1));
  }
}
