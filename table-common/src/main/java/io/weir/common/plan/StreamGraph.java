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
}
