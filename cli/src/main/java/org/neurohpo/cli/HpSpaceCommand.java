package org.neurohpo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.neurohpo.neuro.hp.HyperParameterCatalog;
import org.neurohpo.neuro.hp.ParameterSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Lists every hyperparameter with its category, type, range and default. */
@Command(
    name = "hp-space",
    mixinStandardHelpOptions = true,
    description = {
      "Lists every hyperparameter (HP) with its category, type, range and default.",
      "Categories: encoding (data to spikes), training (EONS), hardware (RISP)."
    })
final class HpSpaceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "print a JSON array instead of a table")
  boolean json;

  @Override
  public Integer call() {
    List<ParameterSpec> all = HyperParameterCatalog.all();
    PrintWriter out = spec.commandLine().getOut();
    out.println(json ? toJson(all) : table(all));
    out.flush();
    return ExitCodes.OK;
  }

  static String table(List<ParameterSpec> all) {
    int nameWidth = Math.max(4, all.stream().mapToInt(p -> p.name().length()).max().orElse(4));
    int meaningWidth =
        Math.max(7, all.stream().mapToInt(p -> p.description().length()).max().orElse(7));
    String row = "%-" + nameWidth + "s  %-8s  %-11s  %-9s  %-" + meaningWidth + "s  %s%n";
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(row, "name", "category", "type", "default", "meaning", "range"));
    for (ParameterSpec p : all) {
      sb.append(
          String.format(
              row,
              p.name(),
              p.category().name().toLowerCase(java.util.Locale.ROOT),
              p.type(),
              String.valueOf(p.defaultValue()),
              p.description(),
              p.range()));
    }
    return sb.toString().stripTrailing();
  }

  static String toJson(List<ParameterSpec> all) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ArrayNode array = mapper.createArrayNode();
    for (ParameterSpec p : all) {
      ObjectNode o = array.addObject();
      o.put("name", p.name());
      o.put("category", p.category().name().toLowerCase(java.util.Locale.ROOT));
      o.put("type", p.type());
      o.put("range", p.range());
      o.set("default", mapper.valueToTree(p.defaultValue()));
      o.put("description", p.description());
    }
    try {
      return mapper.writeValueAsString(array);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
