package io.weir.common.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A job as data: operator specs and the edges between them. The planner produces it, EXPLAIN
 * prints it, the runtime builds tasks from it, and a savepoint records it.
 *
 * <p>Nodes are listed so that every edge goes from an earlier node to a later one.
 */
public record StreamGraph(List<StreamNode> nodes, List<EdgeSpec> edges) {
  public StreamGraph {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
    Map<Integer, Integer> position = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      if (position.put(nodes.get(i).id(), i) != null) {
        throw new IllegalArgumentException("duplicate node id " + nodes.get(i).id());
      }
    }
    for (EdgeSpec e : edges) {
      Integer from = position.get(e.from());
      Integer to = position.get(e.to());
      if (from == null || to == null) {
        throw new IllegalArgumentException("edge " + e + " names a node that is not in the graph");
      }
      if (from >= to) {
        throw new IllegalArgumentException("edge " + e + " goes against the node order");
      }
      StreamNode a = nodes.get(from);
      StreamNode b = nodes.get(to);
      if (e.partitioning() instanceof Partitioning.Forward && a.parallelism() != b.parallelism()) {
        throw new IllegalArgumentException(
            "forward edge " + e + " joins parallelism " + a.parallelism() + " to " + b.parallelism());
      }
      if (e.partitioning() instanceof Partitioning.Single && b.parallelism() != 1) {
        throw new IllegalArgumentException("single edge " + e + " into parallelism " + b.parallelism());
      }
    }
  }

  public StreamNode node(int id) {
    for (StreamNode n : nodes) {
      if (n.id() == id) {
        return n;
      }
    }
    throw new IllegalArgumentException("no node " + id);
  }

  /** The edges into node {@code id}, ordered by input number. */
  public List<EdgeSpec> inputsOf(int id) {
    List<EdgeSpec> in = new ArrayList<>();
    for (EdgeSpec e : edges) {
      if (e.to() == id) {
        in.add(e);
      }
    }
    in.sort((x, y) -> Integer.compare(x.input(), y.input()));
    return in;
  }

  /** The edges out of node {@code id}. */
  public List<EdgeSpec> outputsOf(int id) {
    List<EdgeSpec> out = new ArrayList<>();
    for (EdgeSpec e : edges) {
      if (e.from() == id) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * A stable id for every node, by node id: a hash of what the node does ({@link
   * OperatorSpec#explain()}) and of the ids of its inputs, in input order. State in checkpoints and
   * savepoints is addressed by it, so an operator keeps its state across an upgrade of the query
   * exactly when neither it nor anything upstream of it changed; parallelism does not count. A
   * sink's id depends on the sink alone: what it staged belongs to its table, whatever feeds it.
   */
  public java.util.Map<Integer, String> operatorUids() {
    java.util.Map<Integer, String> uids = new HashMap<>();
    for (StreamNode n : nodes) {
      StringBuilder meaning = new StringBuilder(n.spec().getClass().getSimpleName()).append('|').append(n.spec().explain());
      if (!(n.spec() instanceof SinkSpec)) {
        for (EdgeSpec e : inputsOf(n.id())) {
          meaning.append('|').append(e.input()).append(':').append(uids.get(e.from()));
        }
      }
      uids.put(n.id(), sha256(meaning.toString()).substring(0, 16));
    }
    return uids;
  }

  private static String sha256(String s) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
