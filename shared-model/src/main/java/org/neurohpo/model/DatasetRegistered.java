package org.neurohpo.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A user's data set, registered through the optimizer's API and kept on the compacted topic {@link
 * Topics#DATASETS}, keyed by its id, from which evaluators load it: so a study on a user's data set
 * runs on a cluster with no shared disk. Not a study event: it belongs to no study.
 *
 * @param id {@code sha256:} and the SHA-256 of the CSV's UTF-8 bytes: the same content is the same
 *     data set, and an evaluator checks what it loads against it
 * @param name the name the user gave it (letters, digits, '.', '_', '-')
 * @param owner who registered it
 * @param csv the data set: a header row, numeric features, the class label in the last column
 */
public record DatasetRegistered(
    int schemaVersion,
    String id,
    String name,
    String owner,
    int rows,
    int features,
    int classes,
    String csv,
    Instant registeredAt) {
  /** The prefix of a registered data set's id (built-in data sets have plain names). */
  public static final String ID_PREFIX = "sha256:";

  public DatasetRegistered {
    Checks.schemaVersion(schemaVersion);
    if (csv == null || id == null || !id.equals(idOf(csv))) {
      throw new IllegalArgumentException("id must be sha256: and the SHA-256 of the CSV");
    }
    if (name == null || !name.matches("[A-Za-z0-9._-]{1,100}")) {
      throw new IllegalArgumentException(
          "name must be 1-100 letters, digits, '.', '_' or '-'; got '" + name + "'");
    }
  }

  /** The id of a data set with this CSV content. */
  public static String idOf(String csv) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(csv.getBytes(StandardCharsets.UTF_8));
      return ID_PREFIX + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256 in this JVM", e);
    }
  }

  /** Whether {@code dataset} (of a study or a trial) names a registered data set. */
  public static boolean isId(String dataset) {
    return dataset != null && dataset.matches("sha256:[0-9a-f]{64}");
  }

  public String encode() {
    try {
      return EventCodec.mapper().writeValueAsString(this);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write data set " + id, e);
    }
  }

  /** Reads a record of the data-set topic; a malformed one is one line naming the problem. */
  public static DatasetRegistered decode(String json) {
    try {
      return EventCodec.mapper().readValue(json, DatasetRegistered.class);
    } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
      throw new EventCodec.MalformedEventException(
          e.getCause() != null ? e.getCause().getMessage() : e.getOriginalMessage());
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      throw new EventCodec.MalformedEventException(e.getMessage());
    }
  }
}
