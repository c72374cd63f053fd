package vn.danvan.etl.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import vn.danvan.contract.Table;

/**
 * How the rows are spread over files and formats. File names carry no meaning to the loader, but
 * it reads files in path order to decide which copy of a duplicated key came first, so the
 * resubmitted copies go to {@code zz-resubmitted.csv}, which sorts after every other name.
 *
 * <p>XLSX is what a person sends: for each hand-filled table and segment, one province ("the one
 * that sends Excel") has its rows in a workbook. Above scale 1 only a share 1/scale of those rows
 * goes there, so the workbooks (which the loader reads on one machine) stay the same size at any
 * scale.
 */
record Layout(GenerateConfig config) {
  /** Rows per file above which a year's provinces are split into several files. */
  static final int ROWS_PER_FILE = 250_000;
  static final String RESUBMITTED = "zz-resubmitted.csv";

  /** Province ranges [from, to) for a segment expected to hold {@code rowsAtScale1} rows. */
  List<int[]> chunks(int provinces, double rowsAtScale1) {
    int n = (int) Math.max(1, Math.min(provinces, Math.ceil(rowsAtScale1 * config.scale() / ROWS_PER_FILE)));
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new int[] {i * provinces / n, (i + 1) * provinces / n});
    }
    return out;
  }

  /** A group of one segment's provinces [from, to): the work of one task of a big table. */
  record Chunk(Segment segment, EraUnits units, int from, int to, int index, int taskIndex) {
    /** The file name of this chunk with the given extension. */
    String file(String extension) {
      return name(segment, index, extension);
    }
  }

  /** All chunks of the requested years; {@code rowsAtScale1} estimates a segment's rows. */
  List<Chunk> chunks(Units units, java.util.function.ToDoubleFunction<Segment> rowsAtScale1) {
    List<Chunk> out = new ArrayList<>();
    for (int year = config.firstYear(); year <= config.lastYear(); year++) {
      for (Segment s : Segment.of(year)) {
        EraUnits eu = units.of(s.era());
        List<int[]> ranges = chunks(eu.provinces(), rowsAtScale1.applyAsDouble(s));
        for (int i = 0; i < ranges.size(); i++) {
          out.add(new Chunk(s, eu, ranges.get(i)[0], ranges.get(i)[1], i, out.size()));
        }
      }
    }
    return out;
  }

  /** The workbook of the province that sends Excel, e.g. {@code 2019-old-excel-40.xlsx}. */
  static String excelName(Segment s, String provinceCode) {
    return s.year() + "-" + s.era().name().toLowerCase(java.util.Locale.ROOT) + "-excel-" + provinceCode
        + ".xlsx";
  }

  /** A file name for a segment's chunk, e.g. {@code 2019-old-1.csv}. */
  static String name(Segment s, int chunk, String extension) {
    return s.year() + "-" + s.era().name().toLowerCase(java.util.Locale.ROOT) + "-" + chunk + "." + extension;
  }

  /** The province whose rows of {@code table} in segment {@code s} arrive as a workbook; -1: none. */
  int excelProvince(Table table, Segment s, int provinces) {
    if (config.csvOnly() || provinces == 0) {
      return -1;
    }
    return (int) Math.floorMod(Rng.seed(config.seed(), "excel", table.folder(), s.tag()), (long) provinces);
  }

  /** Whether a row of the Excel province goes into the workbook (all of them at scale <= 1). */
  boolean toExcel(SplittableRandom rnd) {
    return config.scale() <= 1 || rnd.nextDouble() < 1 / config.scale();
  }

  /** A sequence number zero-padded to 7 digits, the tail of generated ids. */
  static String seq(int n) {
    String s = Integer.toString(n);
    return s.length() >= 7 ? s : "0000000".substring(s.length()) + s;
  }

  /** Every fourth CSV file starts with a BOM, as Excel's "CSV UTF-8" writes it. */
  static boolean bom(int taskIndex) {
    return taskIndex % 4 == 1;
  }

  /**
   * Every fourth report-values file (not with {@code --format csv}) is saved as Excel's "Unicode
   * Text" would be: UTF-16 with its byte-order mark ({@code -unicode.csv}), which the load reads
   * from a UTF-8 copy.
   */
  String reportValuesFile(Chunk c) {
    return !config.csvOnly() && c.taskIndex() % 4 == 2 ? c.file("csv").replace(".csv", "-unicode.csv") : c.file("csv");
  }

  /** Every third file of the outreach tables is JSON Lines (an export of the platform tools). */
  boolean jsonl(int taskIndex) {
    return !config.csvOnly() && taskIndex % 3 == 1;
  }
}
