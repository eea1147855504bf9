package io.weir.state;

import io.weir.common.data.Row;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Maps keys to key groups and key groups to tasks. The runtime routes rows with {@link
 * #assign} and the state backends store state with it, so the two always agree; and since a
 * snapshot is organised by key group, the function must give the same answer in every JVM, today
 * and after an upgrade. It is pinned by tests — changing it reshuffles every savepoint.
 *
 * <p>{@code keyGroup = murmur(hash(key)) % maxParallelism}, Flink's formula, where {@link #hash}
 * is {@code key.hashCode()} made deterministic for Weir's key types (see there).
 */
public final class KeyGroups {
  private KeyGroups() {}

  /** The number of key groups when {@code pipeline.max-parallelism} is not set. */
  public static final int DEFAULT_MAX_PARALLELISM = 128;

  /** The most key groups a job may have, as in Flink (2^15). */
  public static final int UPPER_BOUND_MAX_PARALLELISM = 1 << 15;

  /** The key group of {@code key}, in {@code [0, maxParallelism)}. */
  public static int assign(Object key, int maxParallelism) {
    if (maxParallelism <= 0) {
      throw new IllegalArgumentException(
          "maxParallelism must be positive but was " + maxParallelism);
    }
    return forHash(hash(key), maxParallelism);
  }

  /** The key group of a key whose {@link #hash} is {@code hash}. */
  public static int forHash(int hash, int maxParallelism) {
    return murmur(hash) % maxParallelism;
  }

  /**
   * The index of the task that owns {@code keyGroup} when {@code maxParallelism} key groups are
   * spread over {@code parallelism} tasks: the inverse of {@link KeyGroupRange#forTask}.
   */
  public static int taskFor(int keyGroup, int maxParallelism, int parallelism) {
    checkParallelism(maxParallelism, parallelism);
    if (keyGroup < 0 || keyGroup >= maxParallelism) {
      throw new IllegalArgumentException(
          "keyGroup must be in [0, " + maxParallelism + ") but was " + keyGroup);
    }
    return (int) ((long) keyGroup * parallelism / maxParallelism);
  }

  /** The index of the task that owns {@code key}: what a hash edge routes by. */
  public static int taskForKey(Object key, int maxParallelism, int parallelism) {
    return taskFor(assign(key, maxParallelism), maxParallelism, parallelism);
  }

  /**
   * A hash of {@code key} that is the same in every JVM. It is {@code key.hashCode()} except
   * where that is not deterministic:
   *
   * <ul>
   *   <li>a {@link Row} hashes its fields only, like {@link Arrays#deepHashCode} of them — its
   *       kind is left out, because {@code RowKind.hashCode()} is an enum's identity hash, which
   *       differs between JVMs;
   *   <li>{@code byte[]} and {@code Object[]} hash by content, lists and maps recurse (same
   *       values as {@code List.hashCode}/{@code Map.hashCode} for plain elements), enums hash
   *       their name, null is 0.
   * </ul>
   *
   * Any other key must have a deterministic {@code hashCode} of its own (String, boxed numbers,
   * BigDecimal and records of those do).
   */
  public static int hash(Object key) {
    if (key instanceof Row row) {
      int h = 1;
      for (int i = 0, n = row.arity(); i < n; i++) {
        h = 31 * h + hash(row.field(i));
      }
      return h;
    }
    if (key == null) {
      return 0;
    }
    if (key instanceof byte[] bytes) {
      return Arrays.hashCode(bytes);
    }
    if (key instanceof Object[] array) {
      int h = 1;
      for (Object e : array) {
        h = 31 * h + hash(e);
      }
      return h;
    }
    if (key instanceof List<?> list) {
      int h = 1;
      for (Object e : list) {
        h = 31 * h + hash(e);
      }
      return h;
    }
    if (key instanceof Map<?, ?> map) {
      int h = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        h += hash(e.getKey()) ^ hash(e.getValue());
      }
      return h;
    }
    if (key instanceof Enum<?> e) {
      return e.name().hashCode();
    }
    return key.hashCode();
  }

  /** Flink's {@code MathUtils.murmurHash}: spreads a hash code, result non-negative. */
  static int murmur(int code) {
    code *= 0xcc9e2d51;
    code = Integer.rotateLeft(code, 15);
    code *= 0x1b873593;
    code = Integer.rotateLeft(code, 13);
    code = code * 5 + 0xe6546b64;
    code ^= 4;
    code ^= code >>> 16;
    code *= 0x85ebca6b;
    code ^= code >>> 13;
    code *= 0xc2b2ae35;
    code ^= code >>> 16;
    if (code >= 0) {
      return code;
    } else if (code != Integer.MIN_VALUE) {
      return -code;
    } else {
      return 0;
    }
  }

  static void checkMaxParallelism(int maxParallelism) {
    if (maxParallelism <= 0 || maxParallelism > UPPER_BOUND_MAX_PARALLELISM) {
      throw new IllegalArgumentException(
          "maxParallelism must be in [1, " + UPPER_BOUND_MAX_PARALLELISM + "] but was "
              + maxParallelism);
    }
  }

  static void checkParallelism(int maxParallelism, int parallelism) {
    checkMaxParallelism(maxParallelism);
    if (parallelism <= 0 || parallelism > maxParallelism) {
      throw new IllegalArgumentException(
          "parallelism must be in [1, maxParallelism=" + maxParallelism + "] but was "
              + parallelism);
    }
  }
}
