package org.neurohpo.bayes.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.neurohpo.bayes.space.SearchSpace;
import org.neurohpo.bayes.space.SpaceJson;
import org.neurohpo.bayes.strategy.BayesOptions;
import org.neurohpo.bayes.strategy.BayesianStrategy;
import org.neurohpo.bayes.strategy.Candidate;
import org.neurohpo.bayes.strategy.Observation;

/**
 * Development driver (not a test): runs the harness's problems in-process for quick iteration.
 * {@code java -cp ... org.neurohpo.bayes.bench.InProcessBench hartmann6|branin|mixed|grid.csv
 * [seeds] [budget] [batch] [threads]}. The figures to report come from {@code bench.py}; this
 * driver's grid noise is not the harness's common random numbers.
 */
public final class InProcessBench {

  private InProcessBench() {}

  interface Problem {
    String space();

    double value(Map<String, Object> p, SplittableRandom rng, boolean noisy);

    double opt();

    default String key(Map<String, Object> p) {
      return null;
    }
  }

  static double branin(double x1, double x2) {
    double b = 5.1 / (4 * Math.PI * Math.PI);
    double c = 5 / Math.PI;
    double t = 1 / (8 * Math.PI);
    return Math.pow(x2 - b * x1 * x1 + c * x1 - 6, 2) + 10 * (1 - t) * Math.cos(x1) + 10;
  }

  static final double[][] A = {
    {10, 3, 17, 3.5, 1.7, 8},
    {0.05, 10, 17, 0.1, 8, 14},
    {3, 3.5, 1.7, 10, 17, 8},
    {17, 8, 0.05, 10, 0.1, 14}
  };
  static final double[][] P = {
    {1312, 1696, 5569, 124, 8283, 5886},
    {2329, 4135, 8307, 3736, 1004, 9991},
    {2348, 1451, 3522, 2883, 3047, 6650},
    {4047, 8828, 8732, 5743, 1091, 381}
  };
  static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};

  static double num(Object o) {
    return ((Number) o).doubleValue();
  }

  static Problem problem(String name) throws Exception {
    switch (name) {
      case "branin":
        return new Problem() {
          public String space() {
            return "[{\"name\":\"x1\",\"type\":\"float\",\"low\":-5.0,\"high\":10.0},{\"name\":\"x2\",\"type\":\"float\",\"low\":0.0,\"high\":15.0}]";
          }

          public double value(Map<String, Object> p, SplittableRandom r, boolean n) {
            return branin(num(p.get("x1")), num(p.get("x2")));
          }

          public double opt() {
            return 0.39788735772973816;
          }
        };
      case "hartmann6":
        return new Problem() {
          public String space() {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < 6; i++) {
              sb.append(i > 0 ? "," : "")
                  .append("{\"name\":\"x" + i + "\",\"type\":\"float\",\"low\":0.0,\"high\":1.0}");
            }
            return sb.append("]").toString();
          }

          public double value(Map<String, Object> p, SplittableRandom r, boolean n) {
            double tot = 0;
            for (int i = 0; i < 4; i++) {
              double e = 0;
              for (int j = 0; j < 6; j++) {
                double d = num(p.get("x" + j)) - 1e-4 * P[i][j];
                e += A[i][j] * d * d;
              }
              tot -= ALPHA[i] * Math.exp(-e);
            }
            return tot;
          }

          public double opt() {
            return -3.322368011415515;
          }
        };
      case "mixed":
        return new Problem() {
          public String space() {
            return "[{\"name\":\"x1\",\"type\":\"float\",\"low\":-5.0,\"high\":10.0},{\"name\":\"x2\",\"type\":\"int\",\"low\":0,\"high\":15},{\"name\":\"variant\",\"type\":\"cat\",\"choices\":[\"a\",\"b\",\"c\"]}]";
          }

          public double value(Map<String, Object> p, SplittableRandom r, boolean n) {
            double x1 = num(p.get("x1"));
            double x2 = Math.round(num(p.get("x2")));
            String v = String.valueOf(p.get("variant"));
            if (v.equals("a")) {
              return branin(x1, x2);
            } else if (v.equals("b")) {
              return branin(5 - x1, x2) + 0.3;
            }
            return branin(x1, x2) + 1 + 0.05 * Math.abs(x1);
          }

          public double opt() {
            double best = Double.POSITIVE_INFINITY;
            for (int x2 = 0; x2 < 16; x2++) {
              for (int i = 0; i <= 300000; i++) {
                best = Math.min(best, branin(-5 + 15.0 * i / 300000, x2));
              }
            }
            return best;
          }
        };
      default:
        List<String> lines = Files.readAllLines(Path.of(name));
        String[] head = lines.get(0).split(",");
        int np = head.length - 2;
        Map<String, double[]> table = new HashMap<>();
        List<List<String>> vals = new ArrayList<>();
        for (int j = 0; j < np; j++) {
          vals.add(new ArrayList<>());
        }
        double best = Double.POSITIVE_INFINITY;
        for (String l : lines.subList(1, lines.size())) {
          String[] f = l.split(",");
          StringBuilder k = new StringBuilder();
          for (int j = 0; j < np; j++) {
            if (!vals.get(j).contains(f[j])) {
              vals.get(j).add(f[j]);
            }
            k.append(norm(f[j])).append('|');
          }
          double m = Double.parseDouble(f[np]);
          table.put(k.toString(), new double[] {m, Double.parseDouble(f[np + 1])});
          best = Math.min(best, m);
        }
        StringBuilder sp = new StringBuilder("[");
        for (int j = 0; j < np; j++) {
          boolean numeric = vals.get(j).stream().allMatch(s -> s.matches("[-+0-9.eE]+"));
          sp.append(j > 0 ? "," : "").append("{\"name\":\"" + head[j] + "\",");
          if (numeric) {
            double[] v = vals.get(j).stream().mapToDouble(Double::parseDouble).sorted().toArray();
            sp.append("\"type\":\"ordinal\",\"values\":").append(Arrays.toString(v)).append("}");
          } else {
            sp.append("\"type\":\"cat\",\"choices\":[");
            for (int i = 0; i < vals.get(j).size(); i++) {
              sp.append(i > 0 ? "," : "").append("\"" + vals.get(j).get(i) + "\"");
            }
            sp.append("]}");
          }
        }
        String space = sp.append("]").toString();
        double fbest = best;
        return new Problem() {
          public String space() {
            return space;
          }

          public String key(Map<String, Object> p) {
            StringBuilder k = new StringBuilder();
            for (int j = 0; j < np; j++) {
              k.append(norm(String.valueOf(p.get(head[j])))).append('|');
            }
            return k.toString();
          }

          public double value(Map<String, Object> p, SplittableRandom r, boolean noisy) {
            double[] ms = table.get(key(p));
            return noisy ? ms[0] + ms[1] * gauss(r) : ms[0];
          }

          public double opt() {
            return fbest;
          }
        };
    }
  }

  static String norm(String s) {
    try {
      return Double.toString(Double.parseDouble(s));
    } catch (NumberFormatException e) {
      return s;
    }
  }

  static double gauss(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  /** {regret@budget, first hit index (or budget+1), recommendation is optimum 0/1}. */
  static double[] run(Problem prob, long seed, int budget, int batch) {
    SearchSpace space = SpaceJson.parse(prob.space());
    BayesianStrategy s =
        new BayesianStrategy(
            space,
            seed,
            System.getProperty("fantasy") == null
                ? BayesOptions.forStudy(space.parameters().size(), budget)
                : BayesOptions.forStudy(space.parameters().size(), budget)
                    .withFantasy(BayesOptions.Fantasy.valueOf(System.getProperty("fantasy"))));
    SplittableRandom rng = new SplittableRandom(seed * 7919 + 1);
    double best = Double.POSITIVE_INFINITY;
    int used = 0;
    int hit = budget + 1;
    double opt = prob.opt();
    StringBuilder curve = new StringBuilder();
    while (used < budget) {
      List<Candidate> cs = s.ask(Math.min(batch, budget - used));
      List<Observation> obs = new ArrayList<>();
      for (Candidate c : cs) {
        double truth = prob.value(c.params(), rng, false);
        best = Math.min(best, truth);
        used++;
        if (used == 20 || used == 25 || used == 30) {
          curve.append(String.format(Locale.ROOT, "%.3g/", best - prob.opt()));
        }
        if (hit > budget && Math.abs(truth - opt) < 1e-12) {
          hit = used;
        }
        obs.add(new Observation(c.id(), c.params(), prob.value(c.params(), rng, true)));
        if (Boolean.getBoolean("trace")) {
          StringBuilder sb = new StringBuilder();
          for (Object v : c.params().values()) {
            sb.append(v instanceof Double d ? String.format(Locale.ROOT, "%.3f ", d) : v + " ");
          }
          System.out.printf(Locale.ROOT, "seed %d #%d %s-> %.4f%n", seed, used, sb, truth - opt);
        }
      }
      s.tell(obs);
    }
    double rec = prob.value(s.best().orElseThrow().params(), rng, false);
    if (Boolean.getBoolean("curve")) {
      System.out.printf(Locale.ROOT, "seed %d %s%.3g%n", seed, curve, best - opt);
    }
    return new double[] {best - opt, hit, Math.abs(rec - opt) < 1e-12 ? 1 : 0};
  }

  public static void main(String[] args) throws Exception {
    Problem prob = problem(args[0]);
    String[] sr = (args.length > 1 ? args[1] : "0-19").split("-");
    int from = Integer.parseInt(sr[0]);
    int to = Integer.parseInt(sr[sr.length - 1]);
    int budget = args.length > 2 ? Integer.parseInt(args[2]) : 40;
    int batch = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    int threads = args.length > 4 ? Integer.parseInt(args[4]) : 2;
    ExecutorService ex = Executors.newFixedThreadPool(threads);
    List<Future<double[]>> fs = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int s = from; s <= to; s++) {
      long seed = s;
      fs.add(ex.submit(() -> run(prob, seed, budget, batch)));
    }
    double[] regrets = new double[fs.size()];
    int found = 0;
    int recs = 0;
    StringBuilder per = new StringBuilder();
    for (int i = 0; i < fs.size(); i++) {
      double[] r = fs.get(i).get();
      regrets[i] = r[0];
      found += r[1] <= budget ? 1 : 0;
      recs += (int) r[2];
      per.append(String.format(Locale.ROOT, " %d:%.3g", from + i, r[0]));
    }
    ex.shutdown();
    double[] sorted = regrets.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    double med = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    System.out.printf(
        Locale.ROOT,
        "%s batch %d median regret %.4g  found %d/%d  rec %d/%d  (%.1f s)%n%s%n",
        args[0],
        batch,
        med,
        found,
        n,
        recs,
        n,
        (System.nanoTime() - t0) / 1e9,
        per);
  }
}
