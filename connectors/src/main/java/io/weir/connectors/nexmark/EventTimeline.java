package io.weir.connectors.nexmark;

/**
 * The event time of each event of one generator, as an offset from the base time. Every generator
 * (split) of a table runs the same timeline: its {@code n}-th event is due {@code n} inter-event
 * delays after the base time, the delay being {@code 1e6 / rate * generators} microseconds, so that
 * all generators together emit {@code rate} events per event-time second.
 *
 * <p>With a steady rate ({@code first-event.rate = next-event.rate}, the benchmark setting) this is
 * Flink's formula, {@code (long) (n * delayUs) / 1000}. Otherwise the rate follows {@code
 * rate.shape} over {@code rate.period} as in the original (Beam) Nexmark generator: the period is
 * cut into steps of whole seconds (2 for SQUARE, 10 for SINE), each with its own delay, and the
 * cycle repeats.
 */
final class EventTimeline {
  private final double[] delayUs;
  /** Events in each step of the cycle. */
  private final long[] stepEvents;
  /** Offset of each step from the start of the cycle, microseconds. */
  private final double[] stepStartUs;
  private final long eventsPerCycle;
  private final double cycleUs;

  private EventTimeline(double[] delayUs, long stepSeconds) {
    this.delayUs = delayUs;
    this.stepEvents = new long[delayUs.length];
    this.stepStartUs = new double[delayUs.length];
    long events = 0;
    double us = 0;
    for (int i = 0; i < delayUs.length; i++) {
      stepEvents[i] = Math.max(1, (long) (stepSeconds * 1e6 / delayUs[i]));
      stepStartUs[i] = us;
      events += stepEvents[i];
      us += stepEvents[i] * delayUs[i];
    }
    this.eventsPerCycle = events;
    this.cycleUs = us;
  }

  /** The timeline of each of {@code generators} generators sharing the table's rate. */
  static EventTimeline of(NexmarkConfig config, int generators) {
    long first = config.firstEventRate();
    long next = config.nextEventRate();
    if (first == next) {
      return new EventTimeline(new double[] {1e6 / first * generators}, 0);
    }
    int steps = config.rateShape().steps;
    double[] delays = new double[steps];
    if (config.rateShape() == NexmarkOptions.RateShape.SQUARE) {
      delays[0] = 1e6 / first * generators;
      delays[1] = 1e6 / next * generators;
    } else {
      double mid = (first + next) / 2.0;
      double amplitude = (first - next) / 2.0;
      for (int i = 0; i < steps; i++) {
        double rate = Math.max(1, Math.round(mid + amplitude * Math.cos(2.0 * Math.PI * i / steps)));
        delays[i] = 1e6 / rate * generators;
      }
    }
    long stepSeconds = (config.ratePeriodSeconds() + steps - 1) / steps;
    return new EventTimeline(delays, stepSeconds);
  }

  /** Event time of event {@code n} of a generator, in milliseconds after the base time. */
  long offsetMillis(long n) {
    if (delayUs.length == 1) {
      return (long) (n * delayUs[0]) / 1000L;
    }
    long cycle = n / eventsPerCycle;
    long k = n % eventsPerCycle;
    for (int i = 0; ; i++) {
      if (k < stepEvents[i]) {
        return (long) (cycle * cycleUs + stepStartUs[i] + k * delayUs[i]) / 1000L;
      }
      k -= stepEvents[i];
    }
  }
}
