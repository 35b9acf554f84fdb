package org.neurohpo.benchmarks.risp;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Two builds of the processor in one JVM, timed in alternation: on a shared machine whose speed
 * drifts by a third from minute to minute, the ratio of two measurements a second apart is far
 * steadier than two JMH runs minutes apart.
 *
 * <pre>
 * java -cp benchmarks.jar org.neurohpo.benchmarks.risp.PairedComparison OLD.jar NEW.jar [ROUNDS]
 * </pre>
 *
 * <p>Each jar is a built {@code benchmarks.jar}, loaded in its own class loader; the work is that
 * of its {@link ProcessorBenchmark} (both networks) and {@link FarAheadInputBenchmark} (both ways
 * of applying input). Each round times about 0.3 s of each build, which one first alternating,
 * after 10 warm-up rounds (on the 10,000-neuron network one run(100) of about 3 s, ROUNDS / 3
 * rounds after 2); printed: the median and quartiles over rounds of NEW's speed over OLD's.
 */
public final class PairedComparison {
  private PairedComparison() {}

  /** One build's benchmark state, its benchmark method called through reflection. */
  private static final class Build {
    final Object state;
    final Method method;
    final Object[] args;

    Build(Path jar, Class<?> benchmark, String param, Object value, String method)
        throws Exception {
      ClassLoader loader =
          new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
      Class<?> c = loader.loadClass(benchmark.getName());
      state = c.getConstructor().newInstance();
      c.getField(param).set(state, value);
      c.getMethod("setUp").invoke(state);
      Method m =
          Arrays.stream(c.getMethods())
              .filter(x -> x.getName().equals(method))
              .findFirst()
              .orElseThrow();
      this.method = m;
      args = new Object[m.getParameterCount()];
      for (int i = 0; i < args.length; i++) {
        args[i] = m.getParameterTypes()[i].getConstructor().newInstance(); // JMH counters
      }
    }

    /** Benchmark calls per second over about {@code millis} (at least one call). */
    double opsPerSecond(long millis) throws Exception {
      long start = System.nanoTime();
      long end = start + millis * 1_000_000;
      int ops = 0;
      long now;
      do {
        method.invoke(state, args);
        ops++;
        now = System.nanoTime();
      } while (now < end);
      return ops / ((now - start) / 1e9);
    }
  }

  public static void main(String[] args) throws Exception {
    Path oldJar = Path.of(args[0]);
    Path newJar = Path.of(args[1]);
    int allRounds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    Object[][] cases = {
      {ProcessorBenchmark.class, "shape", "1000:10000", "run100Steps"},
      {FarAheadInputBenchmark.class, "chunk", 5000, "simulate"},
      {FarAheadInputBenchmark.class, "chunk", 100, "simulate"},
      {ProcessorBenchmark.class, "shape", "10000:1000000", "run100Steps"},
    };
    for (Object[] c : cases) {
      Class<?> bench = (Class<?>) c[0];
      Build a = new Build(oldJar, bench, (String) c[1], c[2], (String) c[3]);
      Build b = new Build(newJar, bench, (String) c[1], c[2], (String) c[3]);
      boolean big = "10000:1000000".equals(c[2]); // about 3 s a call: one call per measurement
      long slice = big ? 1 : 300;
      for (int w = 0, warmups = big ? 2 : 10; w < warmups; w++) {
        a.opsPerSecond(slice);
        b.opsPerSecond(slice);
      }
      int rounds = big ? Math.max(6, allRounds / 3) : allRounds;
      double[] ratio = new double[rounds];
      double[] opsA = new double[rounds];
      double[] opsB = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        if (r % 2 == 0) {
          opsA[r] = a.opsPerSecond(slice);
          opsB[r] = b.opsPerSecond(slice);
        } else {
          opsB[r] = b.opsPerSecond(slice);
          opsA[r] = a.opsPerSecond(slice);
        }
        ratio[r] = opsB[r] / opsA[r];
      }
      System.out.printf(
          "%s %s=%s, %d rounds: new/old speed median %.3f (quartiles %.3f to %.3f);"
              + " calls/s median old %.3g, new %.3g%n",
          bench.getSimpleName(),
          c[1],
          c[2],
          rounds,
          quantile(ratio, 0.5),
          quantile(ratio, 0.25),
          quantile(ratio, 0.75),
          quantile(opsA, 0.5),
          quantile(opsB, 0.5));
    }
  }

  /** The nearest-rank q-quantile (the benchmarks module has no statistics library). */
  private static double quantile(double[] v, double q) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[(int) Math.round(q * (s.length - 1))];
  }
}
