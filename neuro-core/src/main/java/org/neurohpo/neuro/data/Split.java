package org.neurohpo.neuro.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A train/test split. {@link #stratified} keeps each class's share in both parts: a class with n
 * samples puts round(n * testFraction) of them (at least 1 and at most n-1 when n >= 2) into the
 * test part, chosen by a seeded shuffle.
 */
public record Split(Dataset train, Dataset test) {

  public static Split stratified(Dataset data, double testFraction, long seed) {
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new IllegalArgumentException("test fraction must be in (0, 1), got " + testFraction);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    List<Integer> train = new ArrayList<>();
    List<Integer> test = new ArrayList<>();
    for (int k = 0; k < data.numClasses(); k++) {
      List<Integer> members = new ArrayList<>();
      for (int i = 0; i < data.size(); i++) {
        if (data.labels()[i] == k) {
          members.add(i);
        }
      }
      shuffle(members, rng);
      int n = members.size();
      int nTest = (int) Math.round(n * testFraction);
      if (n >= 2) {
        nTest = Math.max(1, Math.min(n - 1, nTest));
      }
      test.addAll(members.subList(0, nTest));
      train.addAll(members.subList(nTest, n));
    }
    shuffle(train, rng);
    shuffle(test, rng);
    return new Split(data.subset(toArray(train)), data.subset(toArray(test)));
  }

  private static void shuffle(List<Integer> list, SplittableRandom rng) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      Integer t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }

  private static int[] toArray(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }
}
