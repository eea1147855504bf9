package io.weir.state.rocksdb;

import io.weir.state.BackendEnvironment;
import io.weir.state.KeyGroupRange;
import io.weir.state.KeyedStateBackend;
import io.weir.state.StateBackendKind;
import io.weir.state.StateBackends;
import io.weir.state.ValueState;
import io.weir.state.ValueStateDescriptor;
import io.weir.common.config.Configuration;
import io.weir.state.serialization.Serializers;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Run by {@link LargeStateTest} in a JVM with a heap far smaller than the state: writes {@code
 * megabytes} MB of value state (1 KB of incompressible bytes per key) through the RocksDB backend
 * and reads every value back. Exits 0 if all were read back intact, 1 with a message otherwise
 * (and with an {@link OutOfMemoryError} if the state were on the heap).
 *
 * <p>Arguments: {@code <local dir> <megabytes>}.
 */
public final class LargeStateMain {
  private static final int VALUE_BYTES = 1024;

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    long keys = Long.parseLong(args[1]) * 1024;
    Configuration config = new Configuration();
    config.set("state.backend.rocksdb.block-cache-size", "16 mb");
    try (KeyedStateBackend<Long> backend =
        StateBackends.createKeyed(
            StateBackendKind.ROCKSDB, Serializers.LONG, 128, KeyGroupRange.all(128),
            new BackendEnvironment(dir, config))) {
      ValueState<Long, byte[]> values =
          backend.valueState(new ValueStateDescriptor<>("blob", Serializers.BYTES));
      for (long key = 0; key < keys; key++) {
        values.put(key, valueOf(key));
      }
      for (long key = 0; key < keys; key++) {
        byte[] value = values.get(key);
        if (!Arrays.equals(value, valueOf(key))) {
          System.err.println("Value of key " + key + " was not read back intact");
          System.exit(1);
        }
      }
      System.out.println(
          "wrote and read " + keys + " values (" + (keys * VALUE_BYTES >> 20) + " MB), max heap "
              + (Runtime.getRuntime().maxMemory() >> 20) + " MB");
    }
  }

  private static byte[] valueOf(long key) {
    byte[] bytes = new byte[VALUE_BYTES];
    new SplittableRandom(key).nextBytes(bytes);
    return bytes;
  }
}
