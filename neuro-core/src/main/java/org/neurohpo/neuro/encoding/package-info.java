/**
 * Spike encoders (feature values to input spikes) and decoders (output spikes to a class), in the
 * style of the TENNLab framework.
 *
 * <p>Every encoder takes one sample whose m features are scaled to [0, 1] and writes spikes (input
 * index, time in timesteps, normalised value in [0, 1]). Feature j owns the input indices j·p ..
 * j·p+p-1, where p = {@code inputsPerFeature()}. With x a feature value:
 *
 * <ul>
 *   <li>{@code bins(B)}: B inputs; one spike of value 1 at time 0 into bin min(B-1, ⌊x·B⌋).
 *       Example, B = 4, x = 0.6: input j·4+2 fires at 0.
 *   <li>{@code rate(S, I)}: 1 input; round(x·S) spikes of value 1 at times 0, I, 2I, ... Example, S
 *       = 4, I = 2, x = 0.6: spikes at 0, 2.
 *   <li>{@code temporal(W)}: 1 input; one spike of value 1 at time round((1-x)·(W-1)): larger
 *       values spike earlier. Example, W = 10, x = 0.6: spike at 4.
 *   <li>{@code triangle(B)}: B inputs with centres c_k = k/(B-1); input k gets one spike at time 0
 *       whose value is the membership max(0, 1 - |x - c_k|·(B-1)), none when that is 0. Example, B
 *       = 3, x = 0.25: inputs 0 and 1 get 0.5 each.
 *   <li>{@code flipflop(S, I)}: 2 inputs, "low" and "high"; the high input is rate-coded with x and
 *       the low one with 1-x (round(·S) spikes every I timesteps). Example, S = 4, I = 1, x = 0.75:
 *       high fires at 0, 1, 2; low at 0.
 *   <li>{@code charge}: 1 input; one spike at time 0 whose value is x (the processor turns it into
 *       ⌊x·f⌋ or x·f of charge).
 * </ul>
 *
 * Decoders: {@code wta} picks the output with the most fires (ties to the lowest class); {@code
 * first} picks the output that fired first (ties, and no fire at all, to the lowest class).
 */
package org.neurohpo.neuro.encoding;
