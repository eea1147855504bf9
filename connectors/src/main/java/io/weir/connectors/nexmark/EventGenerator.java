package io.weir.connectors.nexmark;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import io.weir.common.data.Row;

/**
 * Builds the person, auction and bid of an event, in internal form, following Flink's Nexmark
 * generator: ids from the event id, hot sellers, auctions and bidders, prices, strings, padding.
 * Each event draws from its own random stream ({@link EventRandom}), so building one event's row
 * or not never changes another's. Used by one reader's thread.
 */
final class EventGenerator {
  /** Hot sellers, auctions and bidders are the first (or second) of the last 100. */
  private static final int HOT_SELLER_RATIO = 100;
  private static final int HOT_AUCTION_RATIO = 100;
  private static final int HOT_BIDDER_RATIO = 100;
  /** Ids may be up to this far ahead of the last one generated ("leads"). */
  private static final int PERSON_ID_LEAD = 10;
  private static final int AUCTION_ID_LEAD = 10;
  private static final int NUM_CATEGORIES = 5;
  private static final int HOT_CHANNELS_RATIO = 2;

  private final NexmarkText text;
  private final EventTimeline timeline;
  private final EventRandom random;
  private final byte[] buf = new byte[256];
  private final int personProportion;
  private final int auctionProportion;
  private final int totalProportion;
  private final int avgPersonSize;
  private final int avgAuctionSize;
  private final int avgBidSize;
  private final int hotAuctionRatio;
  private final int hotBiddersRatio;
  private final int hotSellersRatio;
  /** Events until {@code numInFlightAuctions} more auctions exist: an auction's average length. */
  private final long eventsForAuctions;

  EventGenerator(NexmarkConfig config, NexmarkText text, EventTimeline timeline) {
    this.text = text;
    this.timeline = timeline;
    this.random = new EventRandom(config.seed());
    this.personProportion = config.personProportion();
    this.auctionProportion = config.auctionProportion();
    this.totalProportion = config.totalProportion();
    this.avgPersonSize = config.avgPersonSize();
    this.avgAuctionSize = config.avgAuctionSize();
    this.avgBidSize = config.avgBidSize();
    this.hotAuctionRatio = config.hotAuctionRatio();
    this.hotBiddersRatio = config.hotBiddersRatio();
    this.hotSellersRatio = config.hotSellersRatio();
    this.eventsForAuctions = auctionProportion == 0
        ? 0 : (long) NexmarkConfig.NUM_IN_FLIGHT_AUCTIONS * totalProportion / auctionProportion;
  }

  /** The kind of event {@code eventId} is: {@link NexmarkSchema#PERSON_EVENT} and so on. */
  int eventType(long eventId) {
    long rem = eventId % totalProportion;
    if (rem < personProportion) {
      return NexmarkSchema.PERSON_EVENT;
    }
    return rem < personProportion + auctionProportion ? NexmarkSchema.AUCTION_EVENT : NexmarkSchema.BID_EVENT;
  }

  /** {@code ROW<id, name, emailAddress, creditCard, city, state, dateTime, extra>}. */
  Row person(long eventId, long timestamp) {
    EventRandom r = random;
    r.reset(eventId);
    long id = lastBase0PersonId(eventId) + NexmarkConfig.FIRST_PERSON_ID;
    String name = NexmarkText.NAMES[r.nextInt(NexmarkText.NAMES.length)];
    int end = NexmarkText.writeString(r, buf, 0, 7, (byte) ' ');
    buf[end++] = '@';
    end = NexmarkText.writeString(r, buf, end, 5, (byte) ' ');
    end = NexmarkText.put(buf, end, ".com");
    String email = new String(buf, 0, end, ISO_8859_1);
    String creditCard = creditCard(r);
    String city = NexmarkText.US_CITIES[r.nextInt(NexmarkText.US_CITIES.length)];
    String state = NexmarkText.US_STATES[r.nextInt(NexmarkText.US_STATES.length)];
    int size = 8 + name.length() + email.length() + creditCard.length() + city.length() + state.length();
    String extra = text.extra(r, size, avgPersonSize);
    return Row.of(id, name, email, creditCard, city, state, timestamp, extra);
  }

  /**
   * {@code ROW<id, itemName, description, initialBid, reserve, dateTime, expires, seller, category,
   * extra>}.
   *
   * @param eventNumber the event's number within its generator, for the auction's length
   */
  Row auction(long eventId, long eventNumber, long timestamp) {
    EventRandom r = random;
    r.reset(eventId);
    long id = lastBase0AuctionId(eventId) + NexmarkConfig.FIRST_AUCTION_ID;
    long seller;
    // P(hot seller) = 1 - 1/hotSellersRatio.
    if (r.nextInt(hotSellersRatio) > 0) {
      seller = (lastBase0PersonId(eventId) / HOT_SELLER_RATIO) * HOT_SELLER_RATIO;
    } else {
      seller = nextBase0PersonId(eventId, r);
    }
    seller += NexmarkConfig.FIRST_PERSON_ID;
    long category = NexmarkConfig.FIRST_CATEGORY_ID + r.nextInt(NUM_CATEGORIES);
    long initialBid = nextPrice(r);
    // An auction lasts, on average, until numInFlightAuctions more auctions have been created.
    long horizon = timeline.offsetMillis(eventNumber + eventsForAuctions) - timeline.offsetMillis(eventNumber);
    long expires = timestamp + 1 + r.nextLong(Math.max(horizon * 2, 1L));
    String itemName = NexmarkText.nextString(r, buf, 20);
    String description = NexmarkText.nextString(r, buf, 100);
    long reserve = initialBid + nextPrice(r);
    int size = 8 + itemName.length() + description.length() + 8 + 8 + 8 + 8 + 8;
    String extra = text.extra(r, size, avgAuctionSize);
    return Row.of(id, itemName, description, initialBid, reserve, timestamp, expires, seller, category, extra);
  }

  /** {@code ROW<auction, bidder, price, channel, url, dateTime, extra>}. */
  Row bid(long eventId, long timestamp) {
    EventRandom r = random;
    r.reset(eventId);
    long auction;
    // P(hot auction) = 1 - 1/hotAuctionRatio.
    if (r.nextInt(hotAuctionRatio) > 0) {
      auction = (lastBase0AuctionId(eventId) / HOT_AUCTION_RATIO) * HOT_AUCTION_RATIO;
    } else {
      auction = nextBase0AuctionId(eventId, r);
    }
    auction += NexmarkConfig.FIRST_AUCTION_ID;
    long bidder;
    // P(hot bidder) = 1 - 1/hotBiddersRatio; the second of the last 100 people, so that hot
    // bidders and hot sellers differ.
    if (r.nextInt(hotBiddersRatio) > 0) {
      bidder = (lastBase0PersonId(eventId) / HOT_BIDDER_RATIO) * HOT_BIDDER_RATIO + 1;
    } else {
      bidder = nextBase0PersonId(eventId, r);
    }
    // Flink's generator adds FIRST_PERSON_ID twice, so bidder ids are person ids + 1000; the
    // published results depend on it, hence the same here.
    bidder += NexmarkConfig.FIRST_PERSON_ID + NexmarkConfig.FIRST_PERSON_ID;
    long price = nextPrice(r);
    String channel;
    String url;
    if (r.nextInt(HOT_CHANNELS_RATIO) > 0) {
      int i = r.nextInt(NexmarkText.HOT_CHANNELS.length);
      channel = NexmarkText.HOT_CHANNELS[i];
      url = text.hotUrl(i);
    } else {
      int i = r.nextInt(NexmarkText.CHANNELS);
      channel = NexmarkText.CHANNEL_NAMES[i];
      url = text.channelUrl(i);
    }
    String extra = text.extra(r, 8 + 8 + 8 + 8, avgBidSize);
    return Row.of(auction, bidder, price, channel, url, timestamp, extra);
  }

  /** {@code round(10^(U[0,1) * 6) * 100)}: 100 to 100,000,000, log-uniform. */
  private static long nextPrice(EventRandom r) {
    return Math.round(Math.pow(10.0, r.nextDouble() * 6.0) * 100.0);
  }

  /** Four groups of four digits separated by spaces. */
  private String creditCard(EventRandom r) {
    int pos = 0;
    for (int g = 0; g < 4; g++) {
      if (g > 0) {
        buf[pos++] = ' ';
      }
      int v = r.nextInt(10_000);
      buf[pos++] = (byte) ('0' + v / 1000);
      buf[pos++] = (byte) ('0' + v / 100 % 10);
      buf[pos++] = (byte) ('0' + v / 10 % 10);
      buf[pos++] = (byte) ('0' + v % 10);
    }
    return new String(buf, 0, pos, ISO_8859_1);
  }

  /**
   * The id (base 0) of the last person generated at or before event {@code eventId}: {@code
   * eventId / total * personProportion} plus the offset of the person within its epoch.
   */
  long lastBase0PersonId(long eventId) {
    long epoch = eventId / totalProportion;
    long offset = eventId % totalProportion;
    if (offset >= personProportion) {
      // An auction or a bid: the last person of this epoch.
      offset = personProportion - 1;
    }
    return epoch * personProportion + offset;
  }

  /** The id (base 0) of the last auction generated at or before event {@code eventId}. */
  long lastBase0AuctionId(long eventId) {
    long epoch = eventId / totalProportion;
    long offset = eventId % totalProportion;
    if (offset < personProportion) {
      // A person: the last auction of the previous epoch.
      epoch--;
      offset = auctionProportion - 1;
    } else if (offset >= personProportion + auctionProportion) {
      // A bid: the last auction of this epoch.
      offset = auctionProportion - 1;
    } else {
      offset -= personProportion;
    }
    return epoch * auctionProportion + offset;
  }

  /**
   * A random person (base 0) among the last {@code NUM_ACTIVE_PEOPLE}, or up to {@code
   * PERSON_ID_LEAD} not generated yet: {@code numPeople - active + U[0, active + 10)}.
   */
  private long nextBase0PersonId(long eventId, EventRandom r) {
    long numPeople = lastBase0PersonId(eventId) + 1;
    long active = Math.min(numPeople, NexmarkConfig.NUM_ACTIVE_PEOPLE);
    return numPeople - active + r.nextLong(active + PERSON_ID_LEAD);
  }

  /**
   * A random auction (base 0) among the last {@code NUM_IN_FLIGHT_AUCTIONS}, or up to {@code
   * AUCTION_ID_LEAD} not generated yet: {@code U[max(last - 100, 0), last + 10]}.
   */
  private long nextBase0AuctionId(long eventId, EventRandom r) {
    long last = lastBase0AuctionId(eventId);
    long min = Math.max(last - NexmarkConfig.NUM_IN_FLIGHT_AUCTIONS, 0);
    return min + r.nextLong(last - min + 1 + AUCTION_ID_LEAD);
  }
}
