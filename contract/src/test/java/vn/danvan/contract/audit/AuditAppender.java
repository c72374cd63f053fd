package vn.danvan.contract.audit;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The child process of {@link AuditKillTest}: appends numbered lines to the trail in
 * {@code args[0]} (rotated past {@code args[1]} bytes, as login {@code args[2]}) as fast as it can
 * and prints {@code ack N} once line N's {@code record} has returned, until it is killed.
 */
public final class AuditAppender {
  private AuditAppender() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
    try (AuditLog log = AuditLog.open(Path.of(args[0]), Long.parseLong(args[1]), false)) {
      for (long n = 0; ; n++) {
        log.record(AuditLogTest.download(args[2], n));
        out.println("ack " + n);
      }
    }
  }
}
