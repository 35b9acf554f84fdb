package org.neurohpo.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.neurohpo.experiments.Grid;
import org.neurohpo.experiments.MultiFidelityReplay;

/** The Markdown page of {@link MultiFidelityReport}. */
final class MultiFidelityMarkdown {
  private MultiFidelityMarkdown() {}

  static String of(MultiFidelityReport report, MultiFidelityReplay replay, String title) {
    Grid grid = replay.grid();
    MultiFidelityReplay.Settings s = replay.settings();
    List<MultiFidelityReport.Rate> rates = report.rates();
    List<String> strategies =
        rates.stream().map(MultiFidelityReport.Rate::strategy).distinct().toList();
    TreeSet<Integer> budgets = new TreeSet<>();
    rates.forEach(r -> budgets.add(r.budget()));
    int seeds = rates.isEmpty() ? 0 : rates.get(0).seeds();
    StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Grid: %d sets x %d measured runs; best set %s (mean %.4f); %d sets are as good as it"
                + " (Welch, alpha %.2f). Rungs %s runs (eta %d); full fidelity %d runs per set; %d worker(s)."
                + " %d optimizer seeds per strategy and budget. Strategies are told the runs' %s"
                + " accuracy; recommendations are judged by their set's grid mean test accuracy.%n%n",
            grid.ranked().size(),
            grid.runsPerSet(),
            grid.best().key(),
            grid.best().mean(),
            grid.topGroup(GridVsSearchReport.ALPHA).size(),
            GridVsSearchReport.ALPHA,
            Arrays.toString(s.ladder().levels()),
            s.eta(),
            s.maxRuns(),
            s.workers(),
            seeds,
            replay.selectsOnValidation() ? "validation" : "test (the grid predates validation)"));
    md.append("![success rate against runs](figures/success-vs-runs.svg)\n\n");
    md.append("Share of optimizer seeds whose recommendation is as good as the grid's best:\n\n");
    table(
        md,
        report,
        strategies,
        budgets,
        r -> String.format(Locale.ROOT, "%.2f (%d/%d)", r.rate(), r.successes(), r.seeds()));
    md.append("\nMean trials started (HP sets tried) within each budget:\n\n");
    table(md, report, strategies, budgets, r -> String.format(Locale.ROOT, "%.1f", r.meanTrials()));
    md.append('\n').append(verdict(report, strategies));
    return md.toString();
  }

  /** A strategies x budgets table of {@code cell(rate)}. */
  private static void table(
      StringBuilder md,
      MultiFidelityReport report,
      List<String> strategies,
      TreeSet<Integer> budgets,
      java.util.function.Function<MultiFidelityReport.Rate, String> cell) {
    md.append("| strategy |");
    budgets.forEach(b -> md.append(' ').append(b).append(" runs |"));
    md.append("\n|---|");
    budgets.forEach(b -> md.append("---|"));
    md.append('\n');
    for (String st : strategies) {
      md.append("| ").append(st).append(" |");
      for (int b : budgets) {
        MultiFidelityReport.Rate r = report.rate(st, b);
        md.append(r == null ? " |" : " " + cell.apply(r) + " |");
      }
      md.append('\n');
    }
  }

  private static String verdict(MultiFidelityReport report, List<String> strategies) {
    MultiFidelityReport.Rate ref = report.reference();
    if (ref == null) {
      return "Full-fidelity GP-BO (`bo`) was not replayed: no reference to compare with.\n";
    }
    StringBuilder md =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "Reference: full-fidelity GP-BO at %d runs recommends a top set for %d of %d"
                    + " seeds (%.2f). Within a third of its runs (%d):%n%n",
                ref.budget(),
                ref.successes(),
                ref.seeds(),
                ref.rate(),
                ref.budget() / 3));
    for (String st : strategies) {
      if (st.equals("bo") || st.equals("random")) {
        continue;
      }
      int b = report.matchingBudget(st);
      md.append("- ")
          .append(st)
          .append(
              b < 0
                  ? ": does not reach it.\n"
                  : String.format(
                      Locale.ROOT,
                      ": reaches it at %d runs (%.2f).%n",
                      b,
                      report.rate(st, b).rate()));
    }
    return md.toString();
  }
}
