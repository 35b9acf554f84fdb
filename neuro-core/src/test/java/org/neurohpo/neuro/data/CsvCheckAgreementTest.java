package org.neurohpo.neuro.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurohpo.model.CsvCheck;

/**
 * shared-model's CsvCheck, which the optimizer runs before it registers a data set, accepts what
 * this module's reader accepts and refuses what it refuses, with the same size.
 */
class CsvCheckAgreementTest {
  private static final List<String> GOOD =
      List.of(
          "a,b,class\n1,2,x\n3,4,y\n",
          "\uFEFFa,class\n1,1\n2,2.0\n\n3,1\n",
          "\"a\",\"class\"\n 1 , \"p\" \n2,q\r\n",
          "\n\na,b,c,label\n1,2,3,0\n4,5,6,1\n7,8,9,2\n");
  private static final List<String> BAD =
      List.of(
          "",
          "\n\n",
          "class\n1\n2\n",
          "a,class\n",
          "a,class\n1,x\n",
          "a,class\n1,x\n2,x\n",
          "a,class\n1,x\nNaN,y\n",
          "a,class\n1,x\nInfinity,y\n",
          "a,class\n1,x\nabc,y\n",
          "a,class\n1,x\n2,\n",
          "a,b,class\n1,x\n2,3,y\n",
          "a,class\n1,1\n2,1.0\n");

  @Test
  void acceptsWhatTheReaderAcceptsWithTheSameSize() {
    for (String csv : GOOD) {
      Dataset d = Datasets.fromCsv("t", csv);
      CsvCheck.Summary s = CsvCheck.check(csv, 1000, 100);
      assertThat(s.rows()).as(csv).isEqualTo(d.labels().length);
      assertThat(s.features()).as(csv).isEqualTo(d.featureNames().length);
      assertThat(s.classes()).as(csv).isEqualTo(d.classNames().length);
    }
  }

  @Test
  void refusesWhatTheReaderRefuses() {
    for (String csv : BAD) {
      assertThatThrownBy(() -> Datasets.fromCsv("t", csv))
          .as(csv)
          .isInstanceOf(DatasetException.class);
      assertThatThrownBy(() -> CsvCheck.check(csv, 1000, 100))
          .as(csv)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void everyBuiltInDataSetPasses() {
    for (String name : Datasets.builtInNames()) {
      Dataset d = Datasets.named(name);
      assertThat(d.labels().length).isPositive();
    }
  }
}
