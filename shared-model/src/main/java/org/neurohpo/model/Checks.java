package org.neurohpo.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Validation shared by the event records; every message names the field and the bad value. */
final class Checks {
  private Checks() {}

  static void schemaVersion(int v) {
    if (v < 1 || v > Event.SCHEMA_VERSION) {
      throw new IllegalArgumentException(
          "schemaVersion must be in [1, " + Event.SCHEMA_VERSION + "], got " + v);
    }
  }

  static String studyId(String id) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("studyId must not be blank");
    }
    if (!id.matches("[A-Za-z0-9._-]{1,100}")) {
      throw new IllegalArgumentException(
          "studyId must be 1-100 letters, digits, '.', '_' or '-', got '" + id + "'");
    }
    return id;
  }

  /** A scheduled study's rung: null (no scheduler) or at least 0. */
  static void rung(Integer rung) {
    if (rung != null && rung < 0) {
      throw new IllegalArgumentException("rung must be >= 0 when given, got " + rung);
    }
  }

  static void trialNumber(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("trialNumber must be >= 0, got " + n);
    }
  }

  static void fraction(String name, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], got " + v);
    }
  }

  /** A field added in schema version 2: required from that version on, absent (null) before. */
  static void sinceVersion2(int schemaVersion, String name, Object value) {
    if (schemaVersion >= 2 && value == null) {
      throw new IllegalArgumentException(
          name + " is required from schemaVersion 2 on, got schemaVersion " + schemaVersion);
    }
  }

  static void nonNegative(String name, double v) {
    if (!(v >= 0)) {
      throw new IllegalArgumentException(name + " must be >= 0, got " + v);
    }
  }

  static String nonBlank(String name, String v) {
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return v;
  }

  /** An unmodifiable copy that keeps the order; values must be numbers, booleans or strings. */
  static Map<String, Object> params(Map<String, Object> params) {
    if (params == null) {
      throw new IllegalArgumentException("params must not be null");
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    params.forEach(
        (k, v) -> {
          if (!(v instanceof Number || v instanceof Boolean || v instanceof String)) {
            throw new IllegalArgumentException(
                "param '" + k + "' must be a number, boolean or string, got " + v);
          }
          copy.put(k, v);
        });
    return Collections.unmodifiableMap(copy);
  }

  static <T> List<T> list(String name, List<T> list) {
    if (list == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    return List.copyOf(list);
  }
}
