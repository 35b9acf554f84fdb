package org.neurohpo.neuro.data;

/**
 * A train / validation / test partition of a data set, stratified by class and drawn by seed. The
 * test part is exactly {@link Split#stratified}{@code (data, testFraction, seed)}'s; the validation
 * part is a second stratified split of the remaining training samples, {@code validationFraction}
 * of each class, drawn by a seed derived from {@code seed} ({@link #validationSeed}). The three
 * parts are disjoint and together hold every sample once.
 *
 * @param train what a learner fits (EONS fitness, feature scaling)
 * @param validation held out from training; what a hyperparameter search selects on
 * @param test held out from both; what a recommendation is judged on, never seen by a search
 */
public record Partition(Dataset train, Dataset validation, Dataset test) {

  /** Mixed into the seed for the validation draw ("valid" in ASCII), so it is not the test's. */
  private static final long VALIDATION_STREAM = 0x76616C6964L;

  /**
   * @param testFraction share of each class in the test part, in (0, 1)
   * @param validationFraction share of each class's remaining (non-test) samples in the validation
   *     part, in (0, 1)
   */
  public static Partition stratified(
      Dataset data, double testFraction, double validationFraction, long seed) {
    if (!(validationFraction > 0 && validationFraction < 1)) {
      throw new IllegalArgumentException(
          "validation fraction must be in (0, 1), got " + validationFraction);
    }
    Split outer = Split.stratified(data, testFraction, seed);
    Split inner = Split.stratified(outer.train(), validationFraction, validationSeed(seed));
    return new Partition(inner.train(), inner.test(), outer.test());
  }

  /** The seed of the validation draw for a run seeded {@code seed}. */
  static long validationSeed(long seed) {
    return seed ^ VALIDATION_STREAM;
  }
}
