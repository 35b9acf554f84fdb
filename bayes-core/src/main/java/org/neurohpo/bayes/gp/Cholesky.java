package org.neurohpo.bayes.gp;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * Lower Cholesky factor stored as jagged rows ({@code row i} has {@code i + 1} entries) so that
 * rows can be appended in O(n^2) and shared between copies. Factorisation by EJML with jitter
 * retries ({@code 1e-10, 1e-8, ... 1e-4} times the mean diagonal added).
 */
final class Cholesky {

  final double[][] rows;
  final int n;

  private Cholesky(double[][] rows, int n) {
    this.rows = rows;
    this.n = n;
  }

  /** Factorises the symmetric matrix {@code k} (row-major n x n, not modified). */
  static Cholesky factor(double[] k, int n) {
    double meanDiag = 0;
    for (int i = 0; i < n; i++) {
      meanDiag += k[i * n + i] / n;
    }
    double jitter = 0;
    for (int attempt = 0; attempt < 7; attempt++) {
      DMatrixRMaj a = new DMatrixRMaj(n, n);
      System.arraycopy(k, 0, a.data, 0, n * n);
      for (int i = 0; i < n; i++) {
        a.data[i * n + i] += jitter;
      }
      CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
      if (chol.decompose(a)) {
        DMatrixRMaj t = chol.getT(null);
        double[][] rows = new double[n][];
        boolean ok = true;
        for (int i = 0; i < n; i++) {
          rows[i] = new double[i + 1];
          System.arraycopy(t.data, i * n, rows[i], 0, i + 1);
          ok &= rows[i][i] > 0 && Double.isFinite(rows[i][i]);
        }
        if (ok) {
          return new Cholesky(rows, n);
        }
      }
      jitter = meanDiag * Math.pow(10, -10 + 2 * attempt);
    }
    throw new IllegalStateException("covariance matrix not positive definite even with jitter");
  }

  /** A factor with one more row for the new column {@code kNew} (length n) and diagonal. */
  Cholesky append(double[] kNew, double diag) {
    double[] l = forward(kNew);
    double d2 = diag - Lbfgs.dot(l, l);
    if (!(d2 > 1e-12 * diag)) {
      return null;
    }
    double[] row = new double[n + 1];
    System.arraycopy(l, 0, row, 0, n);
    row[n] = Math.sqrt(d2);
    double[][] r = new double[n + 1][];
    System.arraycopy(rows, 0, r, 0, n);
    r[n] = row;
    return new Cholesky(r, n + 1);
  }

  /** Solves {@code L v = b}. */
  double[] forward(double[] b) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      double[] r = rows[i];
      double s = b[i];
      for (int j = 0; j < i; j++) {
        s -= r[j] * v[j];
      }
      v[i] = s / r[i];
    }
    return v;
  }

  /** Solves {@code L^T x = v}. */
  double[] backward(double[] v) {
    double[] x = v.clone();
    for (int i = n - 1; i >= 0; i--) {
      double[] r = rows[i];
      x[i] /= r[i];
      double xi = x[i];
      for (int j = 0; j < i; j++) {
        x[j] -= r[j] * xi;
      }
    }
    return x;
  }

  double logDet() {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += 2 * Math.log(rows[i][i]);
    }
    return s;
  }
}
