/**
 * The {@code nexmark} connector: the Nexmark benchmark's online auction — people, auctions and
 * bids — generated as Flink's Nexmark suite (github nexmark/nexmark, {@code nexmark-flink}) does,
 * so that its DDL and queries run unchanged and results can be compared.
 *
 * <h2>Table shape</h2>
 *
 * <p>The physical columns must be exactly {@code event_type INT, person ROW<id BIGINT, name
 * VARCHAR, emailAddress VARCHAR, creditCard VARCHAR, city VARCHAR, state VARCHAR, `dateTime`
 * TIMESTAMP(3), extra VARCHAR>, auction ROW<id BIGINT, itemName VARCHAR, description VARCHAR,
 * initialBid BIGINT, reserve BIGINT, `dateTime` TIMESTAMP(3), expires TIMESTAMP(3), seller BIGINT,
 * category BIGINT, extra VARCHAR>, bid ROW<auction BIGINT, bidder BIGINT, price BIGINT, channel
 * VARCHAR, url VARCHAR, `dateTime` TIMESTAMP(3), extra VARCHAR>}; the computed {@code dateTime} and
 * the watermark are the user's DDL. {@code event_type} is 0 for a person, 1 for an auction, 2 for a
 * bid; only that event's ROW column is set, the other two are null.
 *
 * <h2>Options</h2>
 *
 * <p>Flink's names and defaults: {@code first-event.rate} (10000 events per event-time second, all
 * splits together), {@code next-event.rate} (10000), {@code rate.shape} ({@code SQUARE} | {@code
 * SINE}) and {@code rate.period} (600 s) — when the two rates differ the rate alternates between
 * them over the period, as in the original Nexmark generator (Flink's generator ignores {@code
 * next-event.rate}); {@code events.num} (0 = unbounded; otherwise the total over all splits),
 * {@code person.proportion} / {@code auction.proportion} / {@code bid.proportion} (1 / 3 / 46),
 * {@code person.avg-size} / {@code auction.avg-size} / {@code bid.avg-size} (200b / 500b / 100b),
 * {@code bid.hot-ratio.auctions} (2), {@code bid.hot-ratio.bidders} (4), {@code
 * auction.hot-ratio.sellers} (4), {@code max-emit-speed} (true), {@code rate.limited} (false),
 * {@code stop-at} (-1: stop after this many events in total, keeping the ids {@code events.num}
 * gives) and {@code keep-alive} (false: when true the source stays running, emitting nothing, after
 * its last event). Weir's own: {@code seed} (0) and {@code base-time} (epoch millis or {@code
 * 'yyyy-MM-dd HH:mm:ss'} in UTC; default the time the job's source is created). The generated
 * events are a function of (options, seed, base time, number of splits).
 *
 * <h2>Splits, ids and time</h2>
 *
 * <p>A job reads {@code p} splits, one per source task. The event ids {@code 1..N} ({@code N =
 * events.num}, or Flink's unbounded maximum {@code Long.MAX_VALUE / (total proportion × largest
 * avg-size)}) are cut into contiguous slices of {@code N / p}, the last split taking the rest.
 * Event {@code n} (from 0) of split {@code i} has id {@code 1 + i·(N/p) + n} and event time {@code
 * base-time + floor(n · 1e6 / rate · p) / 1000} ms: every split covers the same event-time range,
 * in order; disorder comes only from interleaving splits. With {@code rem = id % 50}: a person if
 * {@code rem < 1}, an auction if {@code rem < 4}, else a bid; person and auction ids follow from the
 * id ({@code id / 50 + 1000}, {@code epoch · 3 + offset + 1000}), bids refer to recent auctions and
 * people with hot keys as in Flink (bidder ids are offset by 1000 twice, as in Flink).
 *
 * <h2>Speed</h2>
 *
 * <p>Events are emitted as fast as the reader can generate them — the rate shapes event time, not
 * the wall clock — as Flink's source does in the benchmark setting ({@code max-emit-speed = true}).
 * {@code max-emit-speed = false} or {@code rate.limited = true} paces each split on the wall clock.
 *
 * <h2>Checkpoints</h2>
 *
 * <p>A split's whole position is the number of its next event ({@code
 * NexmarkReader.nextEventNumber()}); each event draws from a random stream of its own, keyed by
 * (seed, event id), so a reader resumed at that number ({@code NexmarkSplit.resumedAt}) emits
 * exactly what the original would have. The base time is fixed in the split when the source is
 * created, and must be kept with the checkpoint.
 *
 * <h2>Differences from Flink's generator</h2>
 *
 * <ul>
 *   <li>Randomness: Flink draws from one unseeded {@code java.util.Random} per generator, so no two
 *       runs agree; here every event draws from a SplitMix64 stream keyed by (seed, event id), so
 *       runs are reproducible and projection or a restore cannot shift later events. The values
 *       follow the same distributions, not the same sequence.
 *   <li>Numbering: Flink's table factory starts event numbers at 1 (first id 2, first event one
 *       delay after the base time); here they start at 0 (first id 1, at the base time).
 *   <li>Channel urls (fixed per JVM in Flink) are a function of the seed; {@code extra} is cut
 *       from a per-seed pool of letters a–z (Flink's padding also holds a few of {@code H–Z[\]^_`},
 *       from a signed modulo).
 *   <li>{@code next-event.rate}, {@code rate.shape} and {@code rate.period} shape event time as
 *       in the original Nexmark; Flink's generator reads only {@code first-event.rate}. {@code
 *       rate.limited = true} paces like {@code max-emit-speed = false}; Flink ignores it.
 *   <li>The generators share the rate by the number of splits (the source's parallelism), not by
 *       the job's default parallelism.
 *   <li>The table's physical columns are checked (Flink's check is switched off); extended-bid
 *       mode is not offered.
 * </ul>
 */
package io.weir.connectors.nexmark;
