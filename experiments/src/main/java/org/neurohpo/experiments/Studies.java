package org.neurohpo.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * The port through which a design runs its studies: the system that evaluates them (the CLI's local
 * or remote services) is outside this module.
 */
@FunctionalInterface
public interface Studies {
  /**
   * Submits {@code study} (a study spec), follows it to its end handing each view of it to {@code
   * onView}, and returns its final view: the optimizer's JSON of a study ({@code studyId}, {@code
   * state}, {@code budget}, {@code trialsCompleted}, {@code trials}, {@code best}).
   */
  JsonNode run(JsonNode study, Consumer<JsonNode> onView) throws IOException, InterruptedException;
}
