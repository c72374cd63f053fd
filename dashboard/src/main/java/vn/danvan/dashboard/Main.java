package vn.danvan.dashboard;

import picocli.CommandLine;
import vn.danvan.dashboard.access.UsersCommand;
import vn.danvan.dashboard.audit.AuditCommand;
import vn.danvan.dashboard.geo.GeoCommand;
import vn.danvan.dashboard.review.ReviewCommand;
import vn.danvan.dashboard.intake.IntakeCommand;
import vn.danvan.dashboard.intake.TemplateCommand;
import vn.danvan.dashboard.release.ReleaseCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Entry point of the dashboard jar: {@code serve}, {@code geo import}, {@code users}, {@code audit},
 * {@code release}, {@code review pack}, {@code intake check} and {@code template}, the commands that
 * need no Spark.
 */
@Command(name = "danvan-dashboard", mixinStandardHelpOptions = true,
    subcommands = {ServeCommand.class, GeoCommand.class, UsersCommand.class, AuditCommand.class,
        ReleaseCommand.class, ReviewCommand.class, IntakeCommand.class, TemplateCommand.class},
    description = "The danvan dashboard. See 'serve --help', 'geo import --help', 'users --help', 'audit --help', "
        + "'release --help', 'review pack --help', 'intake check --help' and 'template --help'.")
public final class Main implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(),
        "missing command: serve, geo, users, audit, release, review, intake or template");
  }

  public static void main(String[] args) {
    int code = commandLine().execute(args);
    // After a SIGTERM the JVM is already exiting; calling exit then would block the hooks.
    if (code != 0) {
      System.exit(code);
    }
  }

  /** The command line with its sub-commands and exit codes, as {@link #main} runs it (and tests). */
  public static CommandLine commandLine() {
    return new CommandLine(new Main())
        .setExecutionExceptionHandler((e, cmd, parsed) -> {
          cmd.getErr().println(cmd.getCommandName() + ": "
              + (e.getMessage() != null ? e.getMessage() : e.toString()));
          return 1;
        });
  }
}
