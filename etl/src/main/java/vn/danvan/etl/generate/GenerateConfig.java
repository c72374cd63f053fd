package vn.danvan.etl.generate;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to generate. Years are limited to 2009-2025: the old units are valid from 2008-08-01 (so an
 * earlier record could not be valid anywhere) and later records would lie after the load date.
 *
 * @param out the landing folder to fill (created if absent)
 * @param reference folder of the public admin-unit files; null = synthetic units
 * @param referenceOrigin how the reference was found (or why units are synthetic), for the console
 * @param cadence how often a post's counts are snapshotted
 */
public record GenerateConfig(Path out, int firstYear, int lastYear, double scale, long seed,
    Format format, Path reference, String referenceOrigin, Cadence cadence) {

  public static final int MIN_YEAR = 2009;
  public static final int MAX_YEAR = 2025;
  private static final Pattern YEARS = Pattern.compile("\\s*(\\d{4})\\s*(?:-\\s*(\\d{4})\\s*)?");

  /** {@code mixed}: CSV, JSON Lines and XLSX as real senders mix them; {@code csv}: CSV only. */
  public enum Format {
    MIXED, CSV;

    public static Format parse(String text) {
      for (Format f : values()) {
        if (f.name().equalsIgnoreCase(text.strip())) {
          return f;
        }
      }
      throw new IllegalArgumentException("format must be mixed or csv, not '" + text + "'");
    }
  }

  /**
   * {@code sparse}: one to four snapshots per post, as a team copying counts by hand now and then
   * gives (the demo set); {@code hourly}: every hour for the first day, then daily to day 30, as a
   * platform export gives (53 per post: the outreach scale set, about 10 M metric rows per scale unit).
   */
  public enum Cadence {
    SPARSE, HOURLY;

    public static Cadence parse(String text) {
      for (Cadence c : values()) {
        if (c.name().equalsIgnoreCase(text.strip())) {
          return c;
        }
      }
      throw new IllegalArgumentException("snapshots must be sparse or hourly, not '" + text + "'");
    }
  }

  /** Sparse snapshots, the demo set. */
  public GenerateConfig(Path out, int firstYear, int lastYear, double scale, long seed, Format format,
      Path reference, String referenceOrigin) {
    this(out, firstYear, lastYear, scale, seed, format, reference, referenceOrigin, Cadence.SPARSE);
  }

  public GenerateConfig {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(cadence, "cadence");
    Objects.requireNonNull(format, "format");
    if (firstYear > lastYear) {
      throw new IllegalArgumentException("years " + firstYear + "-" + lastYear + " run backwards");
    }
    if (firstYear < MIN_YEAR || lastYear > MAX_YEAR) {
      throw new IllegalArgumentException("years must lie within " + MIN_YEAR + "-" + MAX_YEAR
          + " (old units are valid from 2008-08-01; later years would be after the load date): "
          + firstYear + "-" + lastYear);
    }
    if (!(scale > 0) || scale > 1000) {
      throw new IllegalArgumentException("scale must be above 0 and at most 1000, not " + scale);
    }
    referenceOrigin = referenceOrigin == null ? "" : referenceOrigin;
  }

  /** Parses {@code 2015-2025} or a single year {@code 2024} into {first, last}. */
  public static int[] parseYears(String text) {
    Matcher m = YEARS.matcher(Objects.requireNonNull(text, "years"));
    if (!m.matches()) {
      throw new IllegalArgumentException("years must look like 2015-2025 or 2024, not '" + text + "'");
    }
    int first = Integer.parseInt(m.group(1));
    int last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
    return new int[] {first, last};
  }

  public int years() {
    return lastYear - firstYear + 1;
  }

  /** Whether all files are CSV (the benchmark's setting). */
  public boolean csvOnly() {
    return format == Format.CSV;
  }
}
