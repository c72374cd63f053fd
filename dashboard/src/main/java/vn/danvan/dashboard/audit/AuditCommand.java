package vn.danvan.dashboard.audit;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import vn.danvan.contract.Lake;
import vn.danvan.contract.cli.LakeOption;
import vn.danvan.contract.audit.AuditFilter;
import vn.danvan.contract.audit.AuditTrail;
import vn.danvan.contract.audit.AuditLines;
import vn.danvan.contract.audit.AuditEvent;

/** {@code audit}: the lake's audit trail, every file of it in time order, filtered. */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = "Prints the lake's audit trail (who logged in, downloaded, changed accounts...), "
        + "oldest first, as a table or as the JSON lines themselves.")
public final class AuditCommand implements Callable<Integer> {
  private static final List<String> HEADER =
      List.of("time (UTC)", "login", "role", "scope", "address", "action", "outcome", "rows", "target");

  @Spec CommandSpec spec;

  @Mixin LakeOption lake;

  @Option(names = "--since", paramLabel = "WHEN",
      description = "From this date (2026-12-03: from midnight in Vietnam) or time (2026-12-03T08:00 in "
          + "Vietnam, or with an offset: 2026-12-03T01:00Z).")
  String since;

  @Option(names = "--login", paramLabel = "L", description = "Only this login.")
  String login;

  @Option(names = "--action", paramLabel = "A",
      description = "Only this action: login, login_failed, logout, download, review_pack, access_denied, "
          + "account_add, account_passwd, account_disable, account_token, import, release, submission.")
  String action;

  @Option(names = "--json", description = "The JSON lines as written, instead of a table.")
  boolean json;

  private final Map<String, String> env;

  public AuditCommand() {
    this(System.getenv());
  }

  AuditCommand(Map<String, String> env) {
    this.env = Objects.requireNonNull(env, "env");
  }

  @Override
  public Integer call() {
    AuditFilter filter;
    try {
      filter = AuditFilter.parse(since, login, action);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--" + e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    AuditTrail trail = AuditTrail.in(Lake.at(lake.folder(env)).auditDir());
    List<AuditEvent> events = new ArrayList<>();
    List<String> skipped = trail.forEach(filter, json
        ? event -> out.print(new String(AuditLines.format(event), java.nio.charset.StandardCharsets.UTF_8))
        : events::add);
    if (!json) {
      printTable(out, events);
    }
    out.flush();
    for (String line : skipped) {
      spec.commandLine().getErr().println("audit: " + line);
    }
    return 0;
  }

  /** The events as columns padded to their widest cell; the target, free text, last. */
  private static void printTable(PrintWriter out, List<AuditEvent> events) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    for (AuditEvent e : events) {
      rows.add(List.of(AuditLines.time(e.time()), cell(e.login()), cell(e.role()), cell(e.scope()), cell(e.address()),
          e.action().code(), cell(e.outcome()), e.rows() == null ? "-" : e.rows().toString(), cell(e.target())));
    }
    int[] widths = new int[HEADER.size()];
    for (List<String> row : rows) {
      for (int c = 0; c < row.size(); c++) {
        widths[c] = Math.max(widths[c], row.get(c).codePointCount(0, row.get(c).length()));
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.size(); c++) {
        String text = row.get(c);
        line.append(text);
        if (c < row.size() - 1) {
          line.append(" ".repeat(widths[c] - text.codePointCount(0, text.length()) + 2));
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }

  /** Text as one table cell: control characters (a typed login may hold any) shown as a space. */
  private static String cell(String text) {
    return text == null ? "-" : text.replaceAll("\\p{Cntrl}", " ");
  }
}
