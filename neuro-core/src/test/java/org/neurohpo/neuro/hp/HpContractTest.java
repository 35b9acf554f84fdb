package org.neurohpo.neuro.hp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurohpo.model.HpContract;
import org.neurohpo.neuro.data.Datasets;

/** shared-model's hp-contract.json, which the optimizer checks specs with, equals the catalogue. */
class HpContractTest {

  @Test
  void everyHpOfTheCatalogueIsInTheContractWithItsTypeAndRange() {
    List<String> contract = new ArrayList<>();
    HpContract.params()
        .forEach(
            p ->
                contract.add(
                    p.name() + " " + p.type() + " " + HpContract.range(p).replace(".0", "")));
    List<String> catalogue = new ArrayList<>();
    for (ParameterSpec p : HyperParameterCatalog.all()) {
      String line;
      if (p instanceof ParameterSpec.IntSpec i) {
        line = i.name() + " int an integer in [" + i.min() + ", " + i.max() + "]";
      } else if (p instanceof ParameterSpec.FloatSpec f) {
        line =
            f.name()
                + " float a number in ["
                + (f.min() + "").replace(".0", "")
                + ", "
                + (f.max() + "").replace(".0", "")
                + "]";
      } else if (p instanceof ParameterSpec.BoolSpec b) {
        line = b.name() + " bool true or false";
      } else {
        ParameterSpec.CategoricalSpec c = (ParameterSpec.CategoricalSpec) p;
        line = c.name() + " cat one of " + String.join(", ", c.choices());
      }
      catalogue.add(line);
    }
    assertThat(contract).containsExactlyElementsOf(catalogue);
  }

  @Test
  void theContractNamesTheBuiltInDataSets() {
    assertThat(HpContract.datasets()).containsExactlyElementsOf(Datasets.builtInNames());
    HpContract.aliases()
        .forEach(
            (alias, name) -> assertThat(Datasets.load(alias).name()).as(alias).isEqualTo(name));
  }
}
