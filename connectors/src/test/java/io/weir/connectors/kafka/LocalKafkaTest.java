package io.weir.connectors.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ./weir kafka} broker answers on the port it was given, and keeps its topics in a kept directory. */
class LocalKafkaTest {
  @TempDir Path dir;

  @Test
  void servesTheGivenPortAndKeepsTopicsAcrossRestarts() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
      port = s.getLocalPort();
    }
    Map<String, Object> client = Map.of("bootstrap.servers", "127.0.0.1:" + port);
    KafkaRaftServer server = LocalKafka.start(dir, port);
    try (Admin admin = Admin.create(client)) {
      admin.createTopics(List.of(new NewTopic("kept", 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
      var nodes = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);
      assertEquals(port, nodes.iterator().next().port());
    } finally {
      server.shutdown();
      server.awaitShutdown();
    }
    server = LocalKafka.start(dir, port);
    try (Admin admin = Admin.create(client)) {
      assertTrue(admin.listTopics().names().get(30, TimeUnit.SECONDS).contains("kept"));
    } finally {
      server.shutdown();
      server.awaitShutdown();
    }
  }
}
