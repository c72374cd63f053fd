package vn.danvan.etl.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import vn.danvan.etl.generate.GenerateCommand;
import vn.danvan.etl.regions.RegionsCommand;

/**
 * {@code danvan}: the ETL side of the command line (generate, load, regions, external, survey audit). {@code bin/danvan}
 * runs it with the JVM flags Spark needs; {@code spark-submit} runs the same jar with this class.
 */
@Command(name = "danvan", mixinStandardHelpOptions = true,
    description = "Dân vận warehouse: demo data, Spark loads into the Parquet lake, reference regions.",
    subcommands = {GenerateCommand.class, LoadCommand.class, RegionsCommand.class,
        ExternalCommand.class, LakeCommand.class, SurveyCommand.class, CommandLine.HelpCommand.class})
public final class Main {

  public static void main(String[] args) {
    LoadLog.strayOutput(true); // this process is the command's: stray traces go to the load's log
    System.exit(new CommandLine(new Main()).execute(args));
  }
}
