package org.neurohpo.experiments;

import java.lang.management.ManagementFactory;

/** One line naming the machine, for results that must say where they were measured. */
public final class Machine {
  private Machine() {}

  public static String describe() {
    long memory = 0;
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      memory = os.getTotalMemorySize();
    }
    return String.format(
        "%d cores, %.0f GiB, %s %s, Java %s",
        Runtime.getRuntime().availableProcessors(),
        memory / (1024.0 * 1024 * 1024),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        System.getProperty("java.version"));
  }
}
