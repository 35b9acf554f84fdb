package org.neurohpo.bayes.fidelity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hyperband (Li et al., JMLR 2018) over a {@link Ladder} with top rung {@code K}: brackets {@code s
 * = K, K-1, .., 0, K, ..}; bracket {@code s} starts {@code n_s = ceil((K + 1) / (s + 1) * eta^s)}
 * trials at rung {@code K - s}, and when all results of its current rung are in, promotes its best
 * {@code max(1, floor(n_s / eta^i))} to the next rung (synchronous successive halving within a
 * bracket). Brackets open one after another; a bracket waiting for results lets the next bracket
 * open, so with several workers none idles.
 */
public final class Hyperband extends RungScheduler {
  private final List<Bracket> open = new ArrayList<>();
  private int nextS;

  public Hyperband(Ladder ladder, Proposer proposer) {
    super(ladder, proposer);
    this.nextS = ladder.top();
  }

  /** Trials bracket {@code s} keeps at each of its stages, {@code s + 1} stages. */
  public static int[] quotas(int top, int eta, int s) {
    int n = (int) Math.ceil((top + 1.0) / (s + 1) * Math.pow(eta, s));
    int[] q = new int[s + 1];
    for (int i = 0; i <= s; i++) {
      q[i] = Math.max(1, (int) (n / Math.pow(eta, i)));
    }
    return q;
  }

  @Override
  public Optional<Job> next() {
    for (Iterator<Bracket> it = open.iterator(); it.hasNext(); ) {
      Bracket b = it.next();
      Optional<Job> j = b.next();
      if (j.isPresent()) {
        return j;
      }
      if (b.done) {
        it.remove();
      }
    }
    Bracket b = new Bracket(nextS);
    nextS = nextS == 0 ? rungs.ladder().top() : nextS - 1;
    Optional<Job> j = b.next();
    if (!b.done) {
      open.add(b);
    }
    return j;
  }

  /** One bracket: successive halving from rung {@code base} to the top. */
  private final class Bracket {
    final int base;
    final int[] quota;
    final List<Rungs.Trial> members = new ArrayList<>();
    List<Rungs.Trial> promotions = List.of();
    int stage;
    boolean done;

    Bracket(int s) {
      this.base = rungs.ladder().top() - s;
      this.quota = quotas(rungs.ladder().top(), rungs.ladder().eta(), s);
    }

    Optional<Job> next() {
      Ladder ladder = rungs.ladder();
      int rung = base + stage;
      if (members.size() < quota[stage]) {
        if (stage == 0) {
          Map<String, Object> c = proposer.propose(rungs);
          if (c != null) {
            Rungs.Trial t = rungs.add(c);
            members.add(t);
            return Optional.of(new Job(t.id(), t.params(), rung, 0, ladder.runs(rung)));
          }
          quota[0] = members.size(); // the space is used up: the bracket goes on with what it has
          if (members.isEmpty()) {
            done = true;
            return Optional.empty();
          }
        } else {
          Rungs.Trial t = promotions.get(members.size());
          members.add(t);
          rungs.promote(t, rung - 1);
          return Optional.of(
              new Job(t.id(), t.params(), rung, ladder.runs(rung - 1), ladder.runs(rung)));
        }
      }
      for (Rungs.Trial t : members) {
        if (Double.isNaN(t.value(rung))) {
          return Optional.empty(); // waiting for this rung's results
        }
      }
      if (stage == quota.length - 1) {
        done = true;
        return Optional.empty();
      }
      List<Rungs.Trial> ranked = new ArrayList<>(members);
      ranked.sort(
          Comparator.comparingDouble((Rungs.Trial t) -> t.value(rung))
              .thenComparingInt(Rungs.Trial::id));
      stage++;
      quota[stage] = Math.min(quota[stage], Math.max(1, ranked.size() / ladder.eta()));
      promotions = List.copyOf(ranked.subList(0, quota[stage]));
      members.clear();
      return next();
    }
  }
}
