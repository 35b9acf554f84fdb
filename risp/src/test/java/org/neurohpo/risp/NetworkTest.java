package org.neurohpo.risp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkTest {
  private final ProcParams risp7 = ProcParams.preset("RISP-7");

  @Test
  void rejectsThresholdAboveMaximum() {
    Network net = new Network(risp7);
    assertThatThrownBy(() -> net.addNeuron(1, 8))
        .hasMessage("threshold of neuron 1 must be an integer in [0, 7], got 8.0");
  }

  @Test
  void rejectsFractionalWeightOnDiscreteHardware() {
    Network net = new Network(risp7);
    net.addNeuron(0, 1);
    assertThatThrownBy(() -> net.addSynapse(0, 0, 0.5, 1))
        .hasMessage("weight of synapse 0->0 must be an integer in [-7, 7], got 0.5");
  }

  @Test
  void rejectsDelayAboveMaxDelay() {
    Network net = new Network(risp7);
    net.addNeuron(0, 1);
    assertThatThrownBy(() -> net.addSynapse(0, 0, 1, 16))
        .hasMessage("delay of synapse 0->0 must be an integer in [1, 15], got 16");
  }

  @Test
  void removingANeuronDropsItsSynapsesAndRoles() {
    Network net = new Network(risp7);
    long a = net.addNeuron(1);
    long b = net.addNeuron(1);
    net.addSynapse(a, b, 1, 1);
    net.addSynapse(b, a, 1, 1);
    net.addInput(a);
    net.addOutput(b);
    net.removeNeuron(b);
    assertThat(net.synapseCount()).isZero();
    assertThat(net.outputs()).isEmpty();
    assertThat(net.inputs()).containsExactly(a);
  }

  @Test
  void copyIsDeep() {
    Network net = new Network(risp7);
    long a = net.addNeuron(1);
    net.addSynapse(a, a, 2, 3);
    net.associatedData().put("k", 1);
    Network c = net.copy();
    c.setWeight(a, a, 5);
    c.setThreshold(a, 4);
    c.associatedData().put("k", 2);
    assertThat(net.weight(a, a)).isEqualTo(2);
    assertThat(net.threshold(a)).isEqualTo(1);
    assertThat(net.associatedData().get("k").intValue()).isEqualTo(1);
  }

  @Test
  void presetsFollowTheDocumentedRanges() {
    assertThat(ProcParams.preset("RISP-127"))
        .extracting(ProcParams::minWeight, ProcParams::maxThreshold, ProcParams::maxDelay)
        .containsExactly(-127.0, 127.0, 127);
    assertThat(ProcParams.preset("RISP-7+"))
        .extracting(ProcParams::minWeight, ProcParams::minThreshold, ProcParams::minPotential)
        .containsExactly(1.0, 1.0, 0.0);
    assertThat(ProcParams.preset("RISP-F").discrete()).isFalse();
    assertThat(ProcParams.presetNames()).hasSize(12).contains("RISP-255+", "RISP-F+");
    assertThatThrownBy(() -> ProcParams.preset("RISP-8"))
        .hasMessageStartingWith("unknown RISP preset 'RISP-8'; known: RISP-F, RISP-F+, RISP-1");
  }

  @Test
  void malformedJsonNamesTheKey() {
    assertThatThrownBy(() -> NetworkJson.parse("{\"Nodes\": []}"))
        .isInstanceOf(NetworkFormatException.class)
        .hasMessage("Associated_Data is missing");
    String noDelay =
        "{\"Properties\":{\"node_properties\":[{\"name\":\"Threshold\",\"index\":0}],"
            + "\"edge_properties\":[{\"name\":\"Weight\",\"index\":0}]},"
            + "\"Nodes\":[],\"Edges\":[],\"Inputs\":[],\"Outputs\":[],"
            + "\"Associated_Data\":{\"proc_params\":{\"discrete\":true,\"min_threshold\":0,"
            + "\"max_threshold\":7,\"max_delay\":15,\"min_potential\":-7}}}";
    assertThatThrownBy(() -> NetworkJson.parse(noDelay))
        .hasMessage("Properties.edge_properties has no property Delay");
    assertThatThrownBy(() -> NetworkJson.parse("[1,"))
        .hasMessageStartingWith("not valid JSON (line 1");
    assertThatThrownBy(() -> NetworkJson.parse(noDelay.replace("\"max_delay\":15,", "")))
        .hasMessage("proc_params.max_delay is missing");
  }

  @Test
  void spikesNamingANonInputAreRejected() {
    Network net = new Network(risp7);
    long a = net.addNeuron(1);
    net.addInput(a);
    long b = net.addNeuron(1);
    assertThatThrownBy(
            () -> Simulation.parseSpikes("[{\"node\":" + b + ",\"time\":0,\"value\":1}]", net))
        .isInstanceOf(SpikeFormatException.class)
        .hasMessage("spike 0: node 1 is not an input of the network (inputs: [0])");
    assertThatThrownBy(() -> Simulation.parseSpikes("[{\"node\":0,\"time\":0,\"value\":1.2}]", net))
        .hasMessage("spike 0: value must be in [0, 1], got 1.2");
    assertThat(Simulation.parseSpikes("[{\"node\":0,\"time\":3,\"value\":0.5}]", net))
        .isEqualTo(List.of(new InputSpike(0, 3, 0.5)));
  }
}
