package io.kirincontract.conformance.clientkit.run;

import io.kirincontract.conformance.clientkit.ClientEnvironment;
import io.kirincontract.conformance.clientkit.ClientProgram;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a {@link ClientProgram} on a thread of its own: returning is exit code 0, throwing is 1 (the exception goes to
 * the output file). At the time limit the thread is interrupted and left behind (a thread cannot be killed).
 */
public final class JavaRunner implements ProgramRunner {

  private final ClientProgram program;
  private final String description;

  public JavaRunner(ClientProgram program, String description) {
    this.program = program;
    this.description = description;
  }

  @Override
  public Integer run(ClientEnvironment environment, Path output, Duration timeout) {
    FutureTask<Void> task = new FutureTask<>(() -> {
      environment.runAsCurrent(program);
      return null;
    });
    Thread thread = new Thread(task, "client-kit-program");
    thread.setDaemon(true);
    thread.start();
    try {
      task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      write(output, "returned normally\n");
      return 0;
    } catch (ExecutionException failed) {
      StringWriter trace = new StringWriter();
      failed.getCause().printStackTrace(new PrintWriter(trace));
      write(output, "threw " + trace);
      return 1;
    } catch (TimeoutException late) {
      task.cancel(true);
      write(output, "stopped at the time limit of " + timeout + "\n");
      return null;
    } catch (InterruptedException interrupted) {
      task.cancel(true);
      Thread.currentThread().interrupt();
      return null;
    }
  }

  @Override
  public String describe() {
    return description;
  }

  private static void write(Path output, String text) {
    try {
      Files.writeString(output, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
