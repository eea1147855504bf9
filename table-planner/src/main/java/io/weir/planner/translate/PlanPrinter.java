package io.weir.planner.translate;

import io.weir.common.plan.EdgeSpec;
import io.weir.common.plan.Partitioning;
import io.weir.common.plan.StreamGraph;
import io.weir.common.plan.StreamNode;
import java.util.List;

/**
 * Prints a {@link StreamGraph} as a tree, one operator a line, the way Flink prints plans: the
 * sink first, each input indented below its consumer ({@code :-} for all but the last input,
 * {@code +-} for the last). An edge that redistributes rows shows as an {@code Exchange} line.
 */
public final class PlanPrinter {
  private PlanPrinter() {}

  public static String print(StreamGraph graph) {
    StringBuilder sb = new StringBuilder();
    for (StreamNode n : graph.nodes()) {
      if (graph.outputsOf(n.id()).isEmpty()) {
        print(graph, n, "", "", sb);
      }
    }
    return sb.toString();
  }

  private static void print(StreamGraph graph, StreamNode node, String firstPrefix, String childPrefix, StringBuilder sb) {
    String line = node.spec().explain();
    if (!node.changelogMode().isInsertOnly() && line.endsWith(")")) {
      // Updating nodes say so, as Flink's EXPLAIN CHANGELOG_MODE would.
      line = line.substring(0, line.length() - 1) + ", changelogMode=" + node.changelogMode() + ")";
    }
    sb.append(firstPrefix).append(line).append('\n');
    List<EdgeSpec> inputs = graph.inputsOf(node.id());
    for (int i = 0; i < inputs.size(); i++) {
      boolean last = i == inputs.size() - 1;
      EdgeSpec e = inputs.get(i);
      String first = childPrefix + (last ? "+- " : ":- ");
      String next = childPrefix + (last ? "   " : ":  ");
      if (!(e.partitioning() instanceof Partitioning.Forward)) {
        sb.append(first).append("Exchange(distribution=[").append(distribution(graph, e)).append("])\n");
        first = next + "+- ";
        next = next + "   ";
      }
      print(graph, graph.node(e.from()), first, next, sb);
    }
  }

  private static String distribution(StreamGraph graph, EdgeSpec e) {
    Partitioning p = e.partitioning();
    if (p instanceof Partitioning.Hash h) {
      List<String> names = graph.node(e.from()).spec().outputType().names();
      return "hash" + h.keys().stream().map(names::get).toList();
    }
    return p.toString().toLowerCase(java.util.Locale.ROOT);
  }
}
