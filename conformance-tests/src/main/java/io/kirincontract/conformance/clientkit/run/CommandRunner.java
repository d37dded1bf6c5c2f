package io.kirincontract.conformance.clientkit.run;

import io.kirincontract.conformance.clientkit.ClientEnvironment;
import io.kirincontract.conformance.clientkit.ClientKitException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command with {@code KIRIN_BASE_URL}, {@code KIRIN_API_KEY} and {@code KIRIN_MODEL} added to the environment,
 * its standard output and error into one file. At the time limit the command and every process it started are
 * killed.
 */
public final class CommandRunner implements ProgramRunner {

  private final List<String> command;

  public CommandRunner(List<String> command) {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("no command given");
    }
    this.command = List.copyOf(command);
  }

  @Override
  public Integer run(ClientEnvironment environment, Path output, Duration timeout) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullInput()));
    builder.environment().putAll(environment.variables());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new ClientKitException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
    }
    try {
      if (process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        return process.exitValue();
      }
      killTree(process);
      return null;
    } catch (InterruptedException e) {
      killTree(process);
      Thread.currentThread().interrupt();
      return null;
    }
  }

  @Override
  public String describe() {
    return String.join(" ", command);
  }

  private static void killTree(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static java.io.File nullInput() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
