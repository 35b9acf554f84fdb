/**
 * A bit-exact simulator of the RISP neuroprocessor (Plank et al., TENNLab) and the TENNLab network
 * JSON format.
 *
 * <h2>Model</h2>
 *
 * Integrate-and-fire neurons with threshold θ, potential v (floored at {@code min_potential}) and
 * optional leak; synapses with weight w and integer delay d in [1, {@code max_delay}]. Time is in
 * integer timesteps. In timestep t: (1) with {@code fire_like_ravens}, neurons that crossed at t-1
 * are recorded as firing at t and reset to 0; (2) each neuron with an event at t leaks (v=0) if it
 * leaks, then v = max(v, min_potential); (3) every event at t adds its value to v; (4) each such
 * neuron fires once if v >= θ (v > θ when the threshold is exclusive: θ+1 discrete, θ+1e-7 float):
 * each synapse schedules w at t+d, v = 0, and the fire is recorded at t (t+1 with RAVENS). An input
 * spike of value x in [0, 1] adds floor(x·f) (discrete) or x·f (float) at its time, f = {@code
 * spike_value_factor}. Events past a run's end carry over to the next run.
 *
 * <h2>Classes</h2>
 *
 * {@link org.neurohpo.risp.ProcParams} (parameters and presets), {@link org.neurohpo.risp.Network}
 * (the mutable graph), {@link org.neurohpo.risp.NetworkJson} (file format), {@link
 * org.neurohpo.risp.Processor} (the simulator), {@link org.neurohpo.risp.Simulation} (one run in
 * the golden-case formats).
 */
package org.neurohpo.risp;
