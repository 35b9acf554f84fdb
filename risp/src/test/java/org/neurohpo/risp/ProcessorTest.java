package org.neurohpo.risp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** One test per consequence of the semantics in docs/RISP.md, on hand-built networks. */
class ProcessorTest {

  private static ProcParams discrete(LeakMode leak, boolean inclusive) {
    return new ProcParams(true, -7, 7, 0, 7, 15, -7, leak, inclusive, false, false, 7);
  }

  /** input 0 -> (w, d) -> output 1. */
  private static Network chain(ProcParams p, double inThreshold, double outThreshold, double w) {
    Network net = new Network(p);
    net.addNeuron(0, inThreshold);
    net.addNeuron(1, outThreshold);
    net.addInput(0);
    net.addOutput(1);
    net.addSynapse(0, 1, w, 1);
    return net;
  }

  @Test
  void neuronMeetingItsThresholdDoesNotFireUntilAnEventReachesIt() {
    // output 1 gets 3 then 3 (total 6 >= 5) but is only checked when an event arrives
    Network net = chain(discrete(LeakMode.NONE, true), 0, 5, 3);
    Processor p = new Processor(net);
    p.applySpike(0, 0, 1.0);
    p.applySpike(0, 2, 1.0);
    p.run(10);
    assertThat(p.outputTimes(0)).containsExactly(3);
    assertThat(p.potential(1)).isZero();
  }

  @Test
  void inputSpikeValueIsFlooredTimesTheSpikeValueFactor() {
    // 0.5 * 7 = 3.5 -> 3: threshold 4 not reached; 0.6 * 7 = 4.2 -> 4 reaches it
    Network low = new Network(discrete(LeakMode.NONE, true));
    low.addNeuron(0, 4);
    low.addInput(0);
    low.addOutput(0);
    Processor p = new Processor(low);
    p.applySpike(0, 0, 0.5);
    p.run(2);
    assertThat(p.outputCount(0)).isZero();
    assertThat(p.potential(0)).isEqualTo(3);
    p.clearActivity();
    p.applySpike(0, 0, 0.6);
    p.run(2);
    assertThat(p.outputTimes(0)).containsExactly(0);
  }

  @Test
  void customSpikeValueFactorScalesInputs() {
    ProcParams p = new ProcParams(true, -7, 7, 0, 7, 15, -7, LeakMode.NONE, true, false, false, 2);
    Network net = new Network(p);
    net.addNeuron(0, 3);
    net.addInput(0);
    net.addOutput(0);
    Processor proc = new Processor(net);
    proc.applySpike(0, 0, 1.0);
    proc.applySpike(0, 1, 1.0);
    proc.run(3);
    assertThat(proc.outputTimes(0)).containsExactly(1); // 2 at t=0, 4 >= 3 at t=1
  }

  @Test
  void withLeakPotentialNeverCarriesAcrossTimesteps() {
    Network net = chain(discrete(LeakMode.ALL, true), 0, 5, 3);
    Processor p = new Processor(net);
    p.applySpike(0, 0, 1.0);
    p.applySpike(0, 2, 1.0);
    p.run(10);
    assertThat(p.outputCount(0)).isZero();
  }

  @Test
  void configurableLeakFollowsEachNeuronsFlag() {
    ProcParams cfg = discrete(LeakMode.CONFIGURABLE, true);
    Network net = chain(cfg, 0, 5, 3);
    net.setLeak(1, true);
    Processor leaky = new Processor(net);
    leaky.applySpike(0, 0, 1.0);
    leaky.applySpike(0, 2, 1.0);
    leaky.run(10);
    assertThat(leaky.outputCount(0)).isZero();
    net.setLeak(1, false);
    Processor keeping = new Processor(net);
    keeping.applySpike(0, 0, 1.0);
    keeping.applySpike(0, 2, 1.0);
    keeping.run(10);
    assertThat(keeping.outputTimes(0)).containsExactly(3);
  }

  @Test
  void configurableLeakRoundTripsThroughJson() {
    Network net = chain(discrete(LeakMode.CONFIGURABLE, true), 0, 5, 3);
    net.setLeak(1, true);
    Network back = NetworkJson.parse(NetworkJson.write(net));
    assertThat(back.leak(1)).isTrue();
    assertThat(back.leak(0)).isFalse();
  }

  @Test
  void negativePotentialSurvivesUntilTheNextEventWithoutLeak() {
    // inhibitory -3 then +5: potential 2, threshold 3 not reached; it would be reached from 0
    Network net = new Network(discrete(LeakMode.NONE, true));
    net.addNeuron(0, 0);
    net.addNeuron(1, 0);
    net.addNeuron(2, 3);
    net.addInput(0);
    net.addInput(1);
    net.addOutput(2);
    net.addSynapse(0, 2, -3, 1);
    net.addSynapse(1, 2, 5, 1);
    Processor p = new Processor(net);
    p.applySpike(0, 0, 1.0);
    p.applySpike(1, 5, 1.0);
    p.run(10);
    assertThat(p.outputCount(0)).isZero();
    assertThat(p.potential(2)).isEqualTo(2);
  }

  @Test
  void potentialIsFlooredAtMinPotentialBeforeIntegrating() {
    ProcParams p = new ProcParams(true, -7, 7, 0, 7, 15, -2, LeakMode.NONE, true, false, false, 7);
    Network net = new Network(p);
    net.addNeuron(0, 0);
    net.addNeuron(1, 3);
    net.addInput(0);
    net.addOutput(1);
    net.addSynapse(0, 1, -7, 1);
    net.addNeuron(2, 0);
    net.addInput(2);
    net.addSynapse(2, 1, 5, 1);
    Processor proc = new Processor(net);
    proc.applySpike(0, 0, 1.0); // -7 at t=1
    proc.applySpike(1, 3, 1.0); // +5 at t=4: floor -2 first, so -2 + 5 = 3 fires
    proc.run(8);
    assertThat(proc.outputTimes(0)).containsExactly(4);
  }

  @Test
  void thresholdZeroInclusiveFiresOnAZeroWeightEvent() {
    Network net = chain(discrete(LeakMode.NONE, true), 0, 0, 0);
    Processor p = new Processor(net);
    p.applySpike(0, 0, 1.0);
    p.run(5);
    assertThat(p.outputTimes(0)).containsExactly(1);
  }

  @Test
  void exclusiveThresholdMustBeExceeded() {
    Network net = chain(discrete(LeakMode.NONE, false), 0, 3, 3);
    Processor p = new Processor(net);
    p.applySpike(0, 0, 1.0);
    p.applySpike(0, 2, 1.0);
    p.run(6);
    assertThat(p.outputTimes(0)).containsExactly(3); // 3 is not > 3; 6 is
  }

  @Test
  void aNeuronFiresAtMostOncePerTimestep() {
    Network net = new Network(discrete(LeakMode.NONE, true));
    net.addNeuron(0, 1);
    net.addInput(0);
    net.addOutput(0);
    Processor p = new Processor(net);
    p.applySpike(0, 0, 1.0);
    p.applySpike(0, 0, 1.0);
    p.applySpike(0, 0, 1.0);
    p.run(1);
    assertThat(p.outputCount(0)).isEqualTo(1);
    assertThat(p.potential(0)).isZero();
  }

  @Test
  void ravensRecordsAFireOneStepLateButDeliversOnTime() {
    ProcParams p = new ProcParams(true, -7, 7, 0, 7, 15, -7, LeakMode.NONE, true, true, false, 7);
    Network net = new Network(p);
    net.addNeuron(0, 1);
    net.addNeuron(1, 1);
    net.addInput(0);
    net.addOutput(0);
    net.addOutput(1);
    net.addSynapse(0, 1, 7, 1);
    Processor proc = new Processor(net);
    proc.applySpike(0, 0, 1.0);
    proc.run(5);
    assertThat(proc.outputTimes(0)).containsExactly(1);
    assertThat(proc.outputTimes(1)).containsExactly(2); // delivered at 1, recorded at 2
  }

  @Test
  void runTimeInclusiveSimulatesOneMoreStep() {
    ProcParams p = new ProcParams(true, -7, 7, 0, 7, 15, -7, LeakMode.NONE, true, false, true, 7);
    Network net = chain(p, 0, 1, 1);
    Processor proc = new Processor(net);
    proc.applySpike(0, 0, 1.0);
    proc.run(1); // timesteps 0 and 1
    assertThat(proc.outputTimes(0)).containsExactly(1);
  }

  @Test
  void eventsBeyondTheRunCarryOverToTheNextRun() {
    Network net = chain(discrete(LeakMode.NONE, true), 0, 1, 1);
    net.setDelay(0, 1, 5);
    Processor p = new Processor(net);
    p.applySpike(0, 0, 1.0);
    p.run(3);
    assertThat(p.outputCount(0)).isZero();
    p.run(4);
    assertThat(p.outputTimes(0)).containsExactly(2); // absolute time 5 = 3 + 2
  }

  @Test
  void clearActivityForgetsPendingEventsAndGivesTheSameRunAgain() {
    Network net = chain(discrete(LeakMode.NONE, true), 0, 2, 1);
    net.addSynapse(1, 1, 1, 3);
    Processor p = new Processor(net);
    int[] first = null;
    for (int rep = 0; rep < 3; rep++) {
      p.clearActivity();
      p.applySpike(0, 0, 1.0);
      p.applySpike(0, 1, 1.0);
      p.run(20);
      if (first == null) {
        first = p.outputTimes(0);
      }
      assertThat(p.outputTimes(0)).containsExactly(first);
    }
    assertThat(first).isNotEmpty();
  }

  @Test
  void farFutureInputSpikesAreDeliveredOnTime() {
    Network net = chain(discrete(LeakMode.NONE, true), 0, 1, 1);
    Processor p = new Processor(net);
    p.applySpike(0, 500, 1.0);
    p.applySpike(0, 3, 1.0);
    p.run(1000);
    assertThat(p.outputTimes(0)).containsExactly(4, 501);
  }

  @Test
  void countsNeuronFiresAndSynapseEvents() {
    Network net = chain(discrete(LeakMode.NONE, true), 0, 1, 1);
    Processor p = new Processor(net);
    p.applySpike(0, 0, 1.0);
    p.run(5);
    assertThat(p.neuronFires()).isEqualTo(2);
    assertThat(p.synapseEvents()).isEqualTo(1);
  }

  @Test
  void rejectsSpikeValuesOutsideTheUnitInterval() {
    Processor p = new Processor(chain(discrete(LeakMode.NONE, true), 0, 1, 1));
    assertThatThrownBy(() -> p.applySpike(0, 0, 1.5))
        .hasMessage("input spike value must be in [0, 1], got 1.5");
    assertThatThrownBy(() -> p.applySpike(3, 0, 0.5))
        .hasMessage("input 3 does not exist; the network has 1 input(s)");
  }

  @Test
  void floatingPointExclusiveThresholdAddsOneTenMillionth() {
    ProcParams f = ProcParams.preset("RISP-F").withThresholdInclusive(false);
    Network net = new Network(f);
    net.addNeuron(0, 0.5);
    net.addInput(0);
    net.addOutput(0);
    Processor p = new Processor(net);
    p.applySpike(0, 0, 0.5);
    p.applySpike(0, 1, 0.50000011);
    p.run(3);
    assertThat(p.outputTimes(0)).containsExactly(1);
  }
}
