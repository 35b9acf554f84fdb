package org.neurohpo.bayes.fidelity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Hyperband (Li et al., JMLR 2018) over a {@link Ladder} with top rung {@code K}: brackets {@code s
 * = K, K-1, .., 0, K, ..}; bracket {@code s} starts {@code n_s = ceil((K + 1) / (s + 1) * eta^s)}
 * trials at rung {@code K - s}, and when all results of its current rung are in, promotes its best
 * {@code max(1, floor(n_s / eta^i))} to the next rung (synchronous successive halving within a
 * bracket); the others are dropped ({@link #ruledOut}). Brackets open one after another; a bracket
 * waiting for results lets the next bracket open, so with several workers none idles.
 *
 * <p>So a bracket's new trials have consecutive numbers (a bracket opens only when every open one
 * is past its first rung's quota, or the proposer had nothing left), which is what lets {@link
 * #rebuild} recover the brackets from the trials' numbers and first rungs alone.
 */
public final class Hyperband extends RungScheduler {
  private final List<Bracket> open = new ArrayList<>();
  private final Set<Rungs.Trial> dropped = new LinkedHashSet<>();
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
    Bracket b = openBracket();
    Optional<Job> j = b.next();
    if (!b.done) {
      open.add(b);
    }
    return j;
  }

  private Bracket openBracket() {
    Bracket b = new Bracket(nextS);
    nextS = nextS == 0 ? rungs.ladder().top() : nextS - 1;
    return b;
  }

  /**
   * Trials a bracket dropped when it moved on from their rung, not marked pruned yet: never
   * promoted again, whatever the budget.
   */
  @Override
  public String ruledOutReason(int rung) {
    return "not among the best 1/"
        + rungs.ladder().eta()
        + " of its Hyperband bracket at rung "
        + rung;
  }

  @Override
  public List<Rungs.Trial> ruledOut(int maxTrials) {
    return dropped.stream().filter(t -> !t.pruned()).toList();
  }

  /**
   * Rebuilds the brackets from the rungs: trials in number order fill brackets {@code s = K, K-1,
   * ..} in turn, each up to its first quota (fewer when the next trial starts at another rung: the
   * proposer had nothing then); within a bracket, the stage is the highest rung some member was
   * promoted to, its promotions recomputed from the values of the rung below (all in, as they were
   * when the promotion was decided) and the trials requested there checked to be their first ones.
   */
  @Override
  public void rebuild(int[] firstRung) {
    requireOnePerTrial(firstRung);
    List<Rungs.Trial> trials = rungs.trials();
    open.clear();
    dropped.clear();
    nextS = rungs.ladder().top();
    List<Bracket> built = new ArrayList<>();
    Bracket current = null;
    for (Rungs.Trial t : trials) {
      int first = firstRung[t.id()];
      if (current == null || current.members.size() >= current.quota[0] || first != current.base) {
        boolean truncated = current != null && current.members.size() < current.quota[0];
        if (truncated) {
          current.quota[0] = current.members.size(); // the proposer had nothing left then
        }
        current = openBracket();
        for (int tries = 0;
            truncated && first != current.base && tries < rungs.ladder().top();
            tries++) {
          current = openBracket(); // brackets opened with nothing to propose left no trace
        }
        if (first != current.base) {
          throw new IllegalArgumentException(
              "trial " + t.id() + " started at rung " + first + ", no Hyperband bracket does");
        }
        built.add(current);
      }
      current.members.add(t);
    }
    for (Bracket b : built) {
      b.rebuildStages();
      open.add(b);
    }
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
      advance(rung);
      members.clear();
      return next();
    }

    /**
     * Moves on from {@code rung}: its best go up (as {@link #promotions}), the rest are dropped.
     */
    private void advance(int rung) {
      List<Rungs.Trial> ranked = new ArrayList<>(members);
      ranked.sort(
          Comparator.comparingDouble((Rungs.Trial t) -> t.value(rung))
              .thenComparingInt(Rungs.Trial::id));
      stage++;
      quota[stage] = Math.min(quota[stage], Math.max(1, ranked.size() / rungs.ladder().eta()));
      promotions = List.copyOf(ranked.subList(0, quota[stage]));
      dropped.addAll(ranked.subList(quota[stage], ranked.size()));
    }

    /** From its first-rung {@link #members}: the stages it went through (see {@link #rebuild}). */
    void rebuildStages() {
      while (stage < quota.length - 1) {
        int rung = base + stage;
        List<Rungs.Trial> up = members.stream().filter(t -> t.promoted(rung)).toList();
        if (up.isEmpty()) {
          return;
        }
        for (Rungs.Trial t : members) {
          if (Double.isNaN(t.value(rung))) {
            throw new IllegalArgumentException(
                "trial "
                    + up.get(0).id()
                    + " was promoted out of rung "
                    + rung
                    + " before trial "
                    + t.id()
                    + " had its result there");
          }
        }
        if (stage == 0 && members.size() < quota[0]) {
          quota[0] = members.size(); // promoted with fewer: the proposer had nothing left
        }
        advance(rung);
        List<Rungs.Trial> first = promotions.subList(0, Math.min(up.size(), promotions.size()));
        if (up.size() > promotions.size() || !new java.util.HashSet<>(first).containsAll(up)) {
          throw new IllegalArgumentException(
              "trials "
                  + up.stream().map(Rungs.Trial::id).toList()
                  + " were promoted out of rung "
                  + rung
                  + "; Hyperband promotes "
                  + promotions.stream().map(Rungs.Trial::id).toList()
                  + " in that order");
        }
        members.clear();
        members.addAll(first); // in the order they were promoted
      }
    }
  }
}
