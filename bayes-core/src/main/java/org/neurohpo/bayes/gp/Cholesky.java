package org.neurohpo.bayes.gp;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * In-place Cholesky factorisation of a symmetric matrix held row-major in {@code double[n*n]}, with
 * triangular solves. A failed factorisation is a return value, not an exception.
 */
final class Cholesky {
  private Cholesky() {}

  /**
   * Factors the n x n matrix {@code a} with EJML (Modified: becomes L, lower triangular, upper
   * triangle zero).
   *
   * @return true when {@code a} was positive definite
   */
  static boolean factor(double[] a, int n) {
    DMatrixRMaj m = DMatrixRMaj.wrap(n, n, a);
    CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
    if (!chol.decompose(m)) {
      return false;
    }
    DMatrixRMaj l = chol.getT(null);
    System.arraycopy(l.data, 0, a, 0, n * n);
    for (int i = 0; i < n; i++) {
      if (!(a[i * n + i] > 0) || Double.isNaN(a[i * n + i])) {
        return false;
      }
    }
    return true;
  }

  /** Solves L z = b (Modified: b becomes z). {@code l} is n x n with row stride {@code stride}. */
  static void forward(double[] l, int n, int stride, double[] b) {
    for (int i = 0; i < n; i++) {
      int ri = i * stride;
      double s = b[i];
      for (int k = 0; k < i; k++) {
        s -= l[ri + k] * b[k];
      }
      b[i] = s / l[ri + i];
    }
  }

  /** Solves Lᵀ z = b (Modified: b becomes z). */
  static void backward(double[] l, int n, int stride, double[] b) {
    for (int i = n - 1; i >= 0; i--) {
      double s = b[i];
      for (int k = i + 1; k < n; k++) {
        s -= l[k * stride + i] * b[k];
      }
      b[i] = s / l[i * stride + i];
    }
  }
}
