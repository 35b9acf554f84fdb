/**
 * The hyperparameters (HPs) of one evaluation, in three categories: how data is encoded into spikes
 * (encoding), how EONS trains (training) and the RISP hardware (hardware). {@link
 * org.neurohpo.neuro.hp.HyperParameterCatalog} lists every HP with its type, range and default;
 * {@link org.neurohpo.neuro.hp.HyperParameterSet} holds one validated, typed value for each and
 * builds the encoder, decoder and processor parameters from them.
 */
package org.neurohpo.neuro.hp;
