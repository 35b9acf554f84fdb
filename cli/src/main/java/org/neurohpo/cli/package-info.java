/** Placeholder; see the module README. */
package org.neurohpo.cli;
