package org.neurohpo.neuro.eons;

/** Told after each generation, for progress bars. */
@FunctionalInterface
public interface GenerationListener {
  /**
   * @param generation generations done so far (1-based)
   * @param generations the planned number of generations
   * @param bestFitness the best fitness so far
   */
  void generationDone(int generation, int generations, double bestFitness);

  GenerationListener NONE = (g, n, f) -> {};
}
