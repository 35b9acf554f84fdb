package org.neurohpo.experiments;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An experiment that runs studies through the system: which studies, on which seeds, into which
 * folders. A design is resumable: a study whose folder is finished is not run again.
 */
public interface Design {
  /** The experiment's name in experiment.json, which also names the report to write. */
  String kind();

  /** The experiment's folder. */
  Path out();

  /**
   * Checks the settings, reads the spec files and writes experiment.json: before any system runs.
   */
  void prepare() throws IOException;

  /** Runs the studies not finished yet, through {@code studies}. */
  void run(Studies studies, Progress progress) throws Exception;
}
