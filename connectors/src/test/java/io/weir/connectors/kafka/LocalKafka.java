package io.weir.connectors.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node Kafka broker for development, started by {@code ./weir kafka [--port 9092] [--dir
 * DIR]}: one KRaft process that is both broker and controller, as {@code kafka-server-start.sh}
 * runs it, from the same Maven Central jars as {@link EmbeddedKafka}. Every socket is bound to
 * 127.0.0.1 — clients on {@code port}, the controller on an ephemeral port — so nothing is
 * reachable from other machines. It runs until the process is interrupted (Ctrl-C), then shuts
 * down cleanly.
 *
 * <p>Not {@link EmbeddedKafka}: its test kit chooses the ports itself and pre-binds them on every
 * interface, where a developer's broker needs a fixed, loopback-only port.
 *
 * <p>Its logs live in a temporary directory, deleted when it stops, or in {@code DIR}, kept: a
 * broker started again on the same {@code DIR} has the topics and records of the last one.
 */
public final class LocalKafka {
  static final int DEFAULT_PORT = 9092;
  private static final int NODE_ID = 1;
  private static final String LOOPBACK = "127.0.0.1";

  private LocalKafka() {}

  public static void main(String[] args) throws Exception {
    int port = DEFAULT_PORT;
    Path dir = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = parsePort(value(args, i++));
        case "--dir" -> dir = Path.of(value(args, i++)).toAbsolutePath();
        case "-h", "--help" -> {
          usage(System.out);
          return;
        }
        default -> fail(2, "unknown argument '" + args[i] + "'\n" + usageText());
      }
    }
    boolean keep = dir != null;
    Path logs = keep ? dir : Files.createTempDirectory("weir-kafka-");
    KafkaRaftServer server;
    try {
      server = start(logs, port);
    } catch (Exception e) {
      if (!keep) {
        deleteRecursively(logs);
      }
      fail(1, "cannot start a broker on " + LOOPBACK + ":" + port + ": " + rootMessage(e)
          + (port == DEFAULT_PORT ? " (is another Kafka running? try --port 9094)" : ""));
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("Stopping the broker...");
      server.shutdown();
      server.awaitShutdown();
      if (!keep) {
        deleteRecursively(logs);
      }
      System.out.println("Stopped.");
    }, "weir-kafka-shutdown"));
    String bootstrap = LOOPBACK + ":" + port;
    System.out.println("Kafka is running: one KRaft broker and controller, on loopback only.");
    System.out.println("  bootstrap servers  " + bootstrap);
    System.out.println("  in DDL             'properties.bootstrap.servers' = '" + bootstrap + "'");
    System.out.println("  logs               " + logs + (keep ? " (kept)" : " (deleted when it stops)"));
    System.out.println("Topics are created with one partition when first written to, or with the Admin API.");
    System.out.println("Press Ctrl-C to stop it.");
    server.awaitShutdown();
  }

  /** Formats {@code logs} unless an earlier run did, starts the server, and checks clients reach it. */
  static KafkaRaftServer start(Path logs, int port) throws Exception {
    checkFree(port); // else the broker would stop the JVM (a fatal fault) instead of failing here
    int controllerPort = freeLoopbackPort();
    Map<String, String> props = new HashMap<>();
    props.put("process.roles", "broker,controller");
    props.put("node.id", Integer.toString(NODE_ID));
    props.put("controller.quorum.voters", NODE_ID + "@" + LOOPBACK + ":" + controllerPort);
    props.put("listeners", "PLAINTEXT://" + LOOPBACK + ":" + port + ",CONTROLLER://" + LOOPBACK + ":" + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://" + LOOPBACK + ":" + port);
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.put("controller.listener.names", "CONTROLLER");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("log.dirs", logs.toString());
    // One broker: the internal topics (groups, transactions, share groups) get one replica.
    props.put("offsets.topic.replication.factor", "1");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    KafkaConfig config = new KafkaConfig(props);

    Files.createDirectories(logs);
    new Formatter()
        .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
        .setNodeId(NODE_ID)
        .setClusterId(clusterId(logs))
        .setDirectories(List.of(logs.toString()))
        .setMetadataLogDirectory(logs.toString())
        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
        .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
        .setControllerListenerName("CONTROLLER")
        .setIgnoreFormatted(true) // a kept --dir: start on what is there
        .run();

    KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
    try {
      server.startup();
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", LOOPBACK + ":" + port))) {
        admin.describeCluster().nodes().get(60, TimeUnit.SECONDS); // the broker answers on the printed port
      }
    } catch (Exception e) {
      server.shutdown();
      server.awaitShutdown();
      throw e;
    }
    return server;
  }

  /** The cluster id a kept {@code --dir} was formatted with, else a new one. */
  private static String clusterId(Path logs) throws IOException {
    Path meta = logs.resolve("meta.properties");
    if (Files.exists(meta)) {
      Properties p = new Properties();
      try (var in = Files.newInputStream(meta)) {
        p.load(in);
      }
      String id = p.getProperty("cluster.id");
      if (id != null) {
        return id;
      }
    }
    return Uuid.randomUuid().toString();
  }

  private static void checkFree(int port) throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port));
    } catch (IOException e) {
      throw new IOException("port " + port + " is in use", e);
    }
  }

  static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), 0));
      return socket.getLocalPort();
    }
  }

  private static String value(String[] args, int i) {
    if (i + 1 >= args.length) {
      fail(2, args[i] + " needs a value\n" + usageText());
    }
    return args[i + 1];
  }

  private static int parsePort(String raw) {
    try {
      int port = Integer.parseInt(raw);
      if (port > 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    fail(2, "--port must be a port number in 1..65535 but was '" + raw + "'");
    return -1;
  }

  private static void fail(int status, String message) {
    System.err.println("weir kafka: " + message);
    System.exit(status);
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("weir kafka: could not delete " + dir + ": " + e.getMessage());
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t && !(t instanceof IOException)) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  private static String usageText() {
    return "Usage: weir kafka [--port " + DEFAULT_PORT + "] [--dir DIR]\n"
        + "  Starts a single-node Kafka broker (KRaft) on " + LOOPBACK + ":PORT for development, until Ctrl-C.\n"
        + "  DIR keeps its topics across restarts; without it they live in a temporary directory, deleted on exit.";
  }

  private static void usage(PrintStream out) {
    out.println(usageText());
  }
}
