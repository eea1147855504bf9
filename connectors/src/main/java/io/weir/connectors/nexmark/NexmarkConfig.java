package io.weir.connectors.nexmark;

import io.weir.common.config.ConfigOption;
import io.weir.common.error.WeirException;
import io.weir.connectors.internal.TableOptions;
import io.weir.connectors.nexmark.NexmarkOptions.RateShape;
import io.weir.formats.internal.TemporalText;
import io.weir.runtime.connector.TableContext;
import java.time.format.DateTimeParseException;

/**
 * A nexmark table's options, checked. Everything a generator needs besides its split: rates,
 * proportions, sizes, hot-key ratios, the seed and the base time.
 *
 * @param baseTime event time of every split's first event, epoch millis; {@code null} until the
 *     source is created (then: now), see {@link #withBaseTime}
 */
record NexmarkConfig(
    long firstEventRate,
    long nextEventRate,
    RateShape rateShape,
    long ratePeriodSeconds,
    boolean paced,
    long eventsNum,
    long stopAt,
    boolean keepAlive,
    int personProportion,
    int auctionProportion,
    int bidProportion,
    int avgPersonSize,
    int avgAuctionSize,
    int avgBidSize,
    int hotAuctionRatio,
    int hotBiddersRatio,
    int hotSellersRatio,
    long seed,
    Long baseTime) {

  /** Ids start here, so that small runs still find matches (as in Flink). */
  static final long FIRST_PERSON_ID = 1000L;
  static final long FIRST_AUCTION_ID = 1000L;
  static final long FIRST_CATEGORY_ID = 10L;
  /** People a new auction or bid picks from (the most recent ones). */
  static final int NUM_ACTIVE_PEOPLE = 1000;
  /** Auctions a bid picks from (the most recent ones), per generator. */
  static final int NUM_IN_FLIGHT_AUCTIONS = 100;

  int totalProportion() {
    return personProportion + auctionProportion + bidProportion;
  }

  /** Events of the whole table: {@code events.num}, or as many as Flink allows when unbounded. */
  long maxEvents() {
    if (eventsNum > 0) {
      return eventsNum;
    }
    // Flink scales the unbounded maximum down so that byte estimates do not overflow; the split
    // arithmetic (and so every event id) depends on it, hence the same formula.
    int maxSize = Math.max(1, Math.max(avgPersonSize, Math.max(avgAuctionSize, avgBidSize)));
    return Long.MAX_VALUE / ((long) totalProportion() * maxSize);
  }

  /** Whether the table ends: a number of events or a stop, and no {@code keep-alive}. */
  boolean isBounded() {
    return (eventsNum > 0 || stopAt >= 0) && !keepAlive;
  }

  NexmarkConfig withBaseTime(long millis) {
    return new NexmarkConfig(firstEventRate, nextEventRate, rateShape, ratePeriodSeconds, paced,
        eventsNum, stopAt, keepAlive, personProportion, auctionProportion, bidProportion,
        avgPersonSize, avgAuctionSize, avgBidSize, hotAuctionRatio, hotBiddersRatio,
        hotSellersRatio, seed, millis);
  }

  /**
   * Reads and checks the options of a nexmark table.
   *
   * @throws io.weir.common.error.WeirException naming the table, the option, the bad value and what
   *     would be valid
   */
  static NexmarkConfig of(TableContext context) {
    TableOptions options = TableOptions.of(context, NexmarkTableFactory.IDENTIFIER);
    long firstRate = positive(options, NexmarkOptions.FIRST_EVENT_RATE);
    long nextRate = positive(options, NexmarkOptions.NEXT_EVENT_RATE);
    RateShape shape = get(options, NexmarkOptions.RATE_SHAPE);
    long periodSeconds = get(options, NexmarkOptions.RATE_PERIOD).getSeconds();
    if (periodSeconds < 1) {
      throw options.error("Invalid value '" + options.map().get(NexmarkOptions.RATE_PERIOD.key())
          + "' for option 'rate.period': expected at least 1 s.");
    }
    boolean paced = get(options, NexmarkOptions.RATE_LIMITED) || !get(options, NexmarkOptions.MAX_EMIT_SPEED);
    long eventsNum = get(options, NexmarkOptions.EVENTS_NUM);
    if (eventsNum < 0) {
      throw options.error("Invalid value '" + eventsNum
          + "' for option 'events.num': expected zero (unbounded) or a positive number of events.");
    }
    long stopAt = get(options, NexmarkOptions.STOP_AT);
    if (stopAt < -1) {
      throw options.error("Invalid value '" + stopAt
          + "' for option 'stop-at': expected -1 (no stop) or a number of events.");
    }
    int person = notNegative(options, NexmarkOptions.PERSON_PROPORTION);
    int auction = notNegative(options, NexmarkOptions.AUCTION_PROPORTION);
    int bid = notNegative(options, NexmarkOptions.BID_PROPORTION);
    if ((long) person + auction + bid <= 0 || (long) person + auction + bid > Integer.MAX_VALUE) {
      throw options.error("The proportions 'person.proportion' (" + person + "), 'auction.proportion' ("
          + auction + ") and 'bid.proportion' (" + bid + ") must add up to a positive number,"
          + " e.g. 1, 3 and 46.");
    }
    long seed = get(options, NexmarkOptions.SEED);
    Long baseTime = baseTime(options);
    get(options, NexmarkOptions.SCAN_PARALLELISM);
    return new NexmarkConfig(firstRate, nextRate, shape, periodSeconds, paced, eventsNum, stopAt,
        get(options, NexmarkOptions.KEEP_ALIVE), person, auction, bid,
        get(options, NexmarkOptions.PERSON_AVG_SIZE), get(options, NexmarkOptions.AUCTION_AVG_SIZE),
        get(options, NexmarkOptions.BID_AVG_SIZE),
        atLeastOne(options, NexmarkOptions.BID_HOT_RATIO_AUCTIONS),
        atLeastOne(options, NexmarkOptions.BID_HOT_RATIO_BIDDERS),
        atLeastOne(options, NexmarkOptions.AUCTION_HOT_RATIO_SELLERS), seed, baseTime);
  }

  /** The option's value; a malformed value is reported with the table's name. */
  private static <T> T get(TableOptions options, ConfigOption<T> option) {
    try {
      return options.get(option);
    } catch (WeirException e) {
      if (e.getMessage().startsWith("Table '")) {
        throw e;
      }
      throw options.error(e.getMessage() + ".");
    }
  }

  private static long positive(TableOptions options, ConfigOption<Long> option) {
    long v = get(options, option);
    if (v <= 0) {
      throw options.error("Invalid value '" + v + "' for option '" + option.key()
          + "': expected a positive number of events per second.");
    }
    return v;
  }

  private static int notNegative(TableOptions options, ConfigOption<Integer> option) {
    int v = get(options, option);
    if (v < 0) {
      throw options.error("Invalid value '" + v + "' for option '" + option.key()
          + "': expected zero or more.");
    }
    return v;
  }

  private static int atLeastOne(TableOptions options, ConfigOption<Integer> option) {
    int v = get(options, option);
    if (v < 1) {
      throw options.error("Invalid value '" + v + "' for option '" + option.key()
          + "': expected 1 or more (1 makes every choice hot).");
    }
    return v;
  }

  private static Long baseTime(TableOptions options) {
    String raw = get(options, NexmarkOptions.BASE_TIME);
    if (raw == null) {
      return null;
    }
    String text = raw.trim();
    try {
      if (text.matches("-?\\d+")) {
        return Long.parseLong(text);
      }
      return TemporalText.parseTimestamp(text, text.indexOf('T') >= 0
          ? TemporalText.ISO_TIMESTAMP : TemporalText.SQL_TIMESTAMP);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw options.error("Invalid value '" + raw + "' for option 'base-time': expected epoch"
          + " milliseconds or a UTC timestamp such as '2024-01-01 00:00:00'.");
    }
  }
}
