package io.weir.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Measures a benchmark run: wall time, CPU time, peak heap and peak resident memory. */
public final class BenchmarkReport {
  private final long startNanos = System.nanoTime();
  private final long startCpuNanos = processCpuNanos();

  BenchmarkReport() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  /** Prints one line of figures for {@code rows} processed since construction. */
  void print(String name, long rows) {
    print(name, rows, "rows");
  }

  /**
   * Prints one line of figures for {@code count} units of work done since construction, e.g.
   * {@code ops} for state accesses: {@code count}, its rate per second and per core.
   */
  void print(String name, long count, String unit) {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    double cpuSeconds = (processCpuNanos() - startCpuNanos) / 1e9;
    long peakHeap = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peakHeap += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(Locale.ROOT,
        "%-28s %s=%d seconds=%.2f %s/s=%.0f cores=%.2f %s/s/core=%.0f peak-heap-MB=%.0f peak-rss-MB=%.0f%n",
        name, unit, count, seconds, unit, count / seconds, cpuSeconds / seconds, unit, count / cpuSeconds,
        peakHeap / 1048576.0, peakRssKb() / 1024.0);
  }

  /** The CPU time the process has used, in nanoseconds (0 where the JVM does not say). */
  public static long processCpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return 0;
  }

  /** VmHWM from /proc: the process's peak resident set, in KiB (0 where /proc is absent). */
  public static long peakRssKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }

  /** Resets the kernel's peak-RSS mark (VmHWM), so a later {@link #peakRssKb} is the peak since. Linux only. */
  public static void resetPeakRss() {
    try {
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
    } catch (IOException | UnsupportedOperationException e) {
      // not Linux, or not allowed: the peak then spans everything run so far
    }
  }
}
