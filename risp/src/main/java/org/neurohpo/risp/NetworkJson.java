package org.neurohpo.risp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads and writes networks in the TENNLab network JSON format (see docs/RISP.md): {@code
 * Properties}, {@code Nodes}, {@code Edges}, {@code Inputs}, {@code Outputs}, {@code
 * Network_Values} and {@code Associated_Data} with {@code proc_params}. Property indices are looked
 * up by name. A malformed file gives a {@link NetworkFormatException} naming the key.
 */
public final class NetworkJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int TYPE_INT = 'I';
  private static final int TYPE_DOUBLE = 'D';

  private NetworkJson() {}

  public static Network read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new NetworkFormatException("no such network file: " + file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read network file " + file, e);
    }
    try {
      return parse(text);
    } catch (NetworkFormatException e) {
      throw new NetworkFormatException(file + ": " + e.getMessage());
    }
  }

  public static Network parse(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new NetworkFormatException(
          "not valid JSON (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")");
    }
    if (root == null || !root.isObject()) {
      throw new NetworkFormatException("a network must be a JSON object");
    }
    JsonNode assoc = object(root, "Associated_Data");
    ProcParams params = ProcParams.fromJson(required(assoc, "proc_params", "Associated_Data"));
    Network net = new Network(params);
    JsonNode props = object(root, "Properties");
    int thresholdIndex = propertyIndex(props, "node_properties", "Threshold", true);
    int leakIndex =
        propertyIndex(props, "node_properties", "Leak", params.leakMode() == LeakMode.CONFIGURABLE);
    int weightIndex = propertyIndex(props, "edge_properties", "Weight", true);
    int delayIndex = propertyIndex(props, "edge_properties", "Delay", true);
    readNodes(root, net, thresholdIndex, leakIndex);
    readEdges(root, net, weightIndex, delayIndex);
    for (JsonNode id : array(root, "Inputs")) {
      role(net, id, "Inputs", true);
    }
    for (JsonNode id : array(root, "Outputs")) {
      role(net, id, "Outputs", false);
    }
    Iterator<Map.Entry<String, JsonNode>> it = assoc.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().equals("proc_params")) {
        net.associatedData().set(e.getKey(), e.getValue().deepCopy());
      }
    }
    return net;
  }

  private static void readNodes(JsonNode root, Network net, int thresholdIndex, int leakIndex) {
    int i = 0;
    for (JsonNode node : array(root, "Nodes")) {
      String where = "Nodes[" + i++ + "]";
      long id = id(required(node, "id", where), where + ".id");
      JsonNode values = required(node, "values", where);
      try {
        net.addNeuron(id, value(values, thresholdIndex, where + ".values (Threshold)"));
        if (leakIndex >= 0) {
          net.setLeak(id, value(values, leakIndex, where + ".values (Leak)") != 0);
        }
      } catch (NetworkFormatException e) {
        throw e;
      } catch (IllegalArgumentException e) {
        throw new NetworkFormatException(where + ": " + e.getMessage());
      }
    }
  }

  private static void readEdges(JsonNode root, Network net, int weightIndex, int delayIndex) {
    int i = 0;
    for (JsonNode edge : array(root, "Edges")) {
      String where = "Edges[" + i++ + "]";
      long from = id(required(edge, "from", where), where + ".from");
      long to = id(required(edge, "to", where), where + ".to");
      JsonNode values = required(edge, "values", where);
      double weight = value(values, weightIndex, where + ".values (Weight)");
      double delay = value(values, delayIndex, where + ".values (Delay)");
      if (delay != Math.rint(delay)) {
        throw new NetworkFormatException(where + ": delay must be an integer, got " + delay);
      }
      try {
        net.addSynapse(from, to, weight, (int) delay);
      } catch (IllegalArgumentException e) {
        throw new NetworkFormatException(where + ": " + e.getMessage());
      }
    }
  }

  private static void role(Network net, JsonNode idNode, String key, boolean input) {
    long id = id(idNode, key);
    try {
      if (input) {
        net.addInput(id);
      } else {
        net.addOutput(id);
      }
    } catch (IllegalArgumentException e) {
      throw new NetworkFormatException(key + ": " + e.getMessage());
    }
  }

  private static int propertyIndex(JsonNode props, String list, String name, boolean required) {
    JsonNode array = props.get(list);
    if (array == null || !array.isArray()) {
      throw new NetworkFormatException("Properties." + list + " must be an array");
    }
    for (JsonNode p : array) {
      if (name.equals(p.path("name").asText())) {
        JsonNode index = p.get("index");
        if (index == null || !index.canConvertToInt() || index.intValue() < 0) {
          throw new NetworkFormatException(
              "Properties." + list + " " + name + ".index must be a non-negative integer");
        }
        return index.intValue();
      }
    }
    if (required) {
      throw new NetworkFormatException("Properties." + list + " has no property " + name);
    }
    return -1;
  }

  private static JsonNode object(JsonNode parent, String key) {
    JsonNode v = required(parent, key, null);
    if (!v.isObject()) {
      throw new NetworkFormatException(key + " must be a JSON object");
    }
    return v;
  }

  private static JsonNode array(JsonNode parent, String key) {
    JsonNode v = required(parent, key, null);
    if (!v.isArray()) {
      throw new NetworkFormatException(key + " must be a JSON array");
    }
    return v;
  }

  private static JsonNode required(JsonNode parent, String key, String where) {
    JsonNode v = parent.get(key);
    if (v == null || v.isNull()) {
      throw new NetworkFormatException((where == null ? "" : where + ".") + key + " is missing");
    }
    return v;
  }

  private static long id(JsonNode node, String where) {
    if (!node.isIntegralNumber() || node.longValue() < 0 || node.longValue() > Network.MAX_ID) {
      throw new NetworkFormatException(
          where + " must be an unsigned 32-bit integer id, got " + node);
    }
    return node.longValue();
  }

  private static double value(JsonNode values, int index, String where) {
    if (!values.isArray() || index >= values.size() || !values.get(index).isNumber()) {
      throw new NetworkFormatException(where + " must have a number at index " + index);
    }
    return values.get(index).doubleValue();
  }

  /** The network as TENNLab JSON (compact, one line). */
  public static String write(Network net) {
    try {
      return MAPPER.writeValueAsString(toJson(net));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write network JSON", e);
    }
  }

  public static ObjectNode toJson(Network net) {
    ProcParams p = net.params();
    boolean configurable = p.leakMode() == LeakMode.CONFIGURABLE;
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode props = root.putObject("Properties");
    ArrayNode nodeProps = props.putArray("node_properties");
    int valueType = p.discrete() ? TYPE_INT : TYPE_DOUBLE;
    property(nodeProps, "Threshold", valueType, 0, p.minThreshold(), p.maxThreshold());
    if (configurable) {
      property(nodeProps, "Leak", TYPE_INT, 1, 0, 1);
    }
    ArrayNode edgeProps = props.putArray("edge_properties");
    property(edgeProps, "Weight", valueType, 0, p.minWeight(), p.maxWeight());
    property(edgeProps, "Delay", TYPE_INT, 1, 1, p.maxDelay());
    props.putArray("network_properties");
    ArrayNode nodes = root.putArray("Nodes");
    for (long id : net.neuronIds()) {
      ObjectNode n = nodes.addObject();
      n.put("id", id);
      ArrayNode values = n.putArray("values");
      values.add(net.threshold(id));
      if (configurable) {
        values.add(net.leak(id) ? 1.0 : 0.0);
      }
    }
    ArrayNode edges = root.putArray("Edges");
    for (Synapse s : net.synapses()) {
      ObjectNode e = edges.addObject();
      e.put("from", s.from());
      e.put("to", s.to());
      e.putArray("values").add(s.weight()).add((double) s.delay());
    }
    ArrayNode inputs = root.putArray("Inputs");
    net.inputs().forEach(inputs::add);
    ArrayNode outputs = root.putArray("Outputs");
    net.outputs().forEach(outputs::add);
    root.putArray("Network_Values");
    ObjectNode assoc = root.putObject("Associated_Data");
    assoc.setAll(net.associatedData().deepCopy());
    assoc.set("proc_params", p.toJson());
    return root;
  }

  private static void property(
      ArrayNode list, String name, int type, int index, double min, double max) {
    ObjectNode o = list.addObject();
    o.put("name", name);
    o.put("type", type);
    o.put("index", index);
    o.put("size", 1);
    o.put("min_value", min);
    o.put("max_value", max);
  }
}
