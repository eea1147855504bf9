package io.weir.connectors.nexmark;

import io.weir.common.config.ConfigOption;
import java.time.Duration;
import java.util.Set;

/**
 * Options of the {@code nexmark} connector. The names and defaults are those of Flink's Nexmark
 * suite (github nexmark/nexmark, {@code NexmarkSourceOptions}); {@code seed} and {@code base-time}
 * are Weir's own, for reproducible runs.
 */
final class NexmarkOptions {
  private NexmarkOptions() {}

  /** How the rate moves between {@code first-event.rate} and {@code next-event.rate}. */
  enum RateShape {
    /** Half of {@code rate.period} at the first rate, half at the next. */
    SQUARE(2),
    /** Ten steps of a cosine from the first rate to the next and back. */
    SINE(10);

    final int steps;

    RateShape(int steps) {
      this.steps = steps;
    }
  }

  static final ConfigOption<Long> FIRST_EVENT_RATE =
      ConfigOption.longValue(
          "first-event.rate", 10_000L, "Events per event-time second, all splits together.");

  static final ConfigOption<Long> NEXT_EVENT_RATE =
      ConfigOption.longValue(
          "next-event.rate", 10_000L,
          "The rate 'rate.shape' alternates with; equal to 'first-event.rate' for a steady rate.");

  static final ConfigOption<RateShape> RATE_SHAPE =
      ConfigOption.enumeration("rate.shape", RateShape.class, RateShape.SQUARE, "SQUARE or SINE.");

  static final ConfigOption<Duration> RATE_PERIOD =
      ConfigOption.duration(
          "rate.period", Duration.ofSeconds(600), "Event time of one cycle of 'rate.shape'.");

  static final ConfigOption<Boolean> RATE_LIMITED =
      ConfigOption.bool(
          "rate.limited", false, "Emit each event only when it is due on the wall clock.");

  static final ConfigOption<Boolean> MAX_EMIT_SPEED =
      ConfigOption.bool(
          "max-emit-speed", true,
          "Emit as fast as possible (the default); 'false' paces events on the wall clock.");

  static final ConfigOption<Long> EVENTS_NUM =
      ConfigOption.longValue("events.num", 0L, "Events to generate in total; 0 is unbounded.");

  static final ConfigOption<Long> STOP_AT =
      ConfigOption.longValue(
          "stop-at", -1L, "Stop after this many events in total, keeping the ids of 'events.num'.");

  static final ConfigOption<Boolean> KEEP_ALIVE =
      ConfigOption.bool(
          "keep-alive", false, "Stay running, emitting nothing, after the last event.");

  static final ConfigOption<Integer> PERSON_PROPORTION =
      ConfigOption.integer("person.proportion", 1, "Share of person events.");

  static final ConfigOption<Integer> AUCTION_PROPORTION =
      ConfigOption.integer("auction.proportion", 3, "Share of auction events.");

  static final ConfigOption<Integer> BID_PROPORTION =
      ConfigOption.integer("bid.proportion", 46, "Share of bid events.");

  static final ConfigOption<Integer> PERSON_AVG_SIZE =
      new ConfigOption<>("person.avg-size", 200, "Average size of a person, padded by 'extra'.",
          MemorySizes::parseBytes);

  static final ConfigOption<Integer> AUCTION_AVG_SIZE =
      new ConfigOption<>("auction.avg-size", 500, "Average size of an auction, padded by 'extra'.",
          MemorySizes::parseBytes);

  static final ConfigOption<Integer> BID_AVG_SIZE =
      new ConfigOption<>("bid.avg-size", 100, "Average size of a bid, padded by 'extra'.",
          MemorySizes::parseBytes);

  static final ConfigOption<Integer> BID_HOT_RATIO_AUCTIONS =
      ConfigOption.integer(
          "bid.hot-ratio.auctions", 2, "A bid is for a hot auction with probability 1 - 1/ratio.");

  static final ConfigOption<Integer> BID_HOT_RATIO_BIDDERS =
      ConfigOption.integer(
          "bid.hot-ratio.bidders", 4, "A bid is by a hot bidder with probability 1 - 1/ratio.");

  static final ConfigOption<Integer> AUCTION_HOT_RATIO_SELLERS =
      ConfigOption.integer(
          "auction.hot-ratio.sellers", 4, "An auction is by a hot seller with probability 1 - 1/ratio.");

  static final ConfigOption<Long> SEED =
      ConfigOption.longValue("seed", 0L, "Seed of every random choice (Weir's own option).");

  static final ConfigOption<String> BASE_TIME =
      ConfigOption.string(
          "base-time", null,
          "Event time of the first event: epoch millis or 'yyyy-MM-dd HH:mm:ss' in UTC;"
              + " the time the source is created when not set (Weir's own option).");

  static final ConfigOption<Integer> SCAN_PARALLELISM =
      ConfigOption.integer("scan.parallelism", null, "Parallelism of the source; read by the planner.");

  /** Every key the connector accepts besides {@code connector}. */
  static final Set<String> KEYS =
      Set.of(
          FIRST_EVENT_RATE.key(), NEXT_EVENT_RATE.key(), RATE_SHAPE.key(), RATE_PERIOD.key(),
          RATE_LIMITED.key(), MAX_EMIT_SPEED.key(), EVENTS_NUM.key(), STOP_AT.key(),
          KEEP_ALIVE.key(), PERSON_PROPORTION.key(), AUCTION_PROPORTION.key(),
          BID_PROPORTION.key(), PERSON_AVG_SIZE.key(), AUCTION_AVG_SIZE.key(), BID_AVG_SIZE.key(),
          BID_HOT_RATIO_AUCTIONS.key(), BID_HOT_RATIO_BIDDERS.key(),
          AUCTION_HOT_RATIO_SELLERS.key(), SEED.key(), BASE_TIME.key(), SCAN_PARALLELISM.key());
}
