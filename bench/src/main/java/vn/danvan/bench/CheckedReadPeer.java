package vn.danvan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import vn.danvan.contract.Reason;
import vn.danvan.contract.Table;
import vn.danvan.etl.cli.SparkSessions;
import vn.danvan.etl.load.CheckedRead;
import vn.danvan.etl.load.Typing;

/**
 * The third peer: Spark reading the same files and judging every row with every check of the
 * load ({@link CheckedRead}), with nothing cached, searched for duplicates or written. It is the
 * load's first pass alone: how far the tables' part is from what checking the rows costs Spark on
 * these cores. It must judge the rows as the load did, or its time means nothing.
 */
final class CheckedReadPeer {
  private CheckedReadPeer() {}

  /**
   * Seconds to judge every table of the landing (the session's start not counted), against the
   * references of the snapshot the load published and on its as-of date; refused when any table's
   * rows read, or rows that passed its checks, differ from the load's {@code report}.
   */
  static double run(Path landing, Path snapshot, JsonNode report) {
    SparkSession spark = SparkSessions.local(SparkSession.builder().master("local[*]").appName("bench checked read")
        .config("spark.sql.session.timeZone", Typing.VIETNAM.getId())).getOrCreate();
    try {
      long t0 = System.nanoTime();
      Map<Table, CheckedRead.Counted> checked = CheckedRead.run(spark, landing, snapshot,
          LocalDate.parse(report.path("as_of").asText()));
      double seconds = EtlBench.secondsSince(t0);
      checked.forEach((table, c) -> {
        JsonNode t = report.path("tables").path(table.folder());
        CheckedRead.Counted loaded = CheckedRead.Counted.ofLoad(t.path("read").asLong(), t.path("landed").asLong(),
            t.path("quarantined_by_reason").path(Reason.DUPLICATE_ID.code()).asLong(0));
        if (!loaded.equals(c)) {
          throw new IllegalStateException("the checked read judged " + table.folder() + " " + c
              + ", the load " + loaded + ": the peer did not do the load's work");
        }
      });
      return seconds;
    } finally {
      spark.stop();
    }
  }
}
