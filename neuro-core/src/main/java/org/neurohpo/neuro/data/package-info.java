/**
 * Tabular classification data sets: the seven built-in ones (shipped as resources with their
 * provenance) or a user's CSV file, a stratified train/test split and train/validation/test
 * partition by seed, and min-max scaling to [0, 1] fitted on the training split only.
 *
 * <p>Notation: a data set has n samples of m numeric features x[i][j] and a class label y[i] in
 * 0..K-1. Scaling maps x to (x - min_j) / (max_j - min_j) with min_j, max_j taken over the training
 * samples; test values are clamped to [0, 1]; a constant feature maps to 0.
 */
package org.neurohpo.neuro.data;
