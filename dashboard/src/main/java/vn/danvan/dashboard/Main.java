package vn.danvan.dashboard;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Entry point of the dashboard jar. The launcher runs {@code Main serve ...}; {@code serve} is the
 * only command so far.
 */
@Command(name = "danvan-dashboard", mixinStandardHelpOptions = true,
    subcommands = ServeCommand.class,
    description = "The danvan dashboard. See 'serve --help'.")
public final class Main implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command: serve");
  }

  public static void main(String[] args) {
    int code = commandLine().execute(args);
    // After a SIGTERM the JVM is already exiting; calling exit then would block the hooks.
    if (code != 0) {
      System.exit(code);
    }
  }

  static CommandLine commandLine() {
    return new CommandLine(new Main())
        .setExecutionExceptionHandler((e, cmd, parsed) -> {
          cmd.getErr().println(cmd.getCommandName() + ": "
              + (e.getMessage() != null ? e.getMessage() : e.toString()));
          return 1;
        });
  }
}
