package io.kirincontract.conformance.clientkit.run;

import io.kirincontract.conformance.clientkit.ClientEnvironment;
import java.nio.file.Path;
import java.time.Duration;

/** Runs the program under test once: a command in its own process, or a Java program in this JVM. */
public interface ProgramRunner {

  /**
   * Runs the program and returns its exit code, or {@code null} when it was stopped at {@code timeout}.
   *
   * @param output where its output goes (a command's stdout and stderr; a Java program's failure)
   * @throws io.kirincontract.conformance.clientkit.ClientKitException when the program cannot be started at all
   */
  Integer run(ClientEnvironment environment, Path output, Duration timeout);

  /** The program, for the report: the command line, or a description. */
  String describe();
}
