package org.neurohpo.bayes.space;

final class Checks {
  private Checks() {}

  static String name(String name) {
    if (name == null || name.isBlank()) {
      throw new SearchSpaceException("every parameter needs a name");
    }
    return name;
  }
}
