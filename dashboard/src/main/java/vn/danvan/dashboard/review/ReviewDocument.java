package vn.danvan.dashboard.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import vn.danvan.warehouse.indicators.Mismatch;
import vn.danvan.warehouse.outreach.Aggregate;
import vn.danvan.warehouse.outreach.GrowthPoint;
import vn.danvan.warehouse.outreach.RankedPost;
import vn.danvan.warehouse.regions.RegionRef;
import vn.danvan.warehouse.survey.SurveyCell;
import vn.danvan.warehouse.survey.SurveyWave;

/**
 * The answer of {@code /api/review}: the whole review of one region and year, every figure read
 * through the caller's scope by the warehouse's own queries. The page renders it, the pack prints
 * that page and writes the Word document and the CSV files from what it rendered.
 *
 * @param release the release read, or null for the snapshot CURRENT names
 * @param boundaries the boundary mode of every figure: {@code 2025} (restated onto today's units)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReviewDocument(
    @JsonProperty("lang") String lang,
    @JsonProperty("region") RegionRef region,
    @JsonProperty("year") int year,
    @JsonProperty("boundaries") String boundaries,
    @JsonProperty("snapshot") String snapshot,
    @JsonProperty("release") ReleaseInfo release,
    @JsonProperty("headlines") List<Headline> headlines,
    @JsonProperty("groups") List<Group> groups,
    @JsonProperty("outreach") Outreach outreach,
    @JsonProperty("survey") List<SurveySeries> survey,
    @JsonProperty("papi") List<Figure> papi,
    @JsonProperty("consistency") List<Mismatch> consistency,
    @JsonProperty("load") List<LoadRow> load,
    @JsonProperty("sources") List<Source> sources) {
  public ReviewDocument {
    Objects.requireNonNull(region, "region");
    headlines = List.copyOf(headlines);
    groups = List.copyOf(groups);
    survey = List.copyOf(survey);
    papi = List.copyOf(papi);
    consistency = List.copyOf(consistency);
    load = List.copyOf(load);
    sources = List.copyOf(sources);
  }

  /** The release as the cover and the PDF's metadata cite it. */
  public record ReleaseInfo(
      @JsonProperty("name") String name,
      @JsonProperty("title") String title,
      @JsonProperty("snapshot") String snapshot,
      @JsonProperty("created_at") String createdAt,
      @JsonProperty("created_by") String createdBy,
      @JsonProperty("manifest_sha256") String manifestSha256) {}

  /**
   * One headline indicator of the year: its figure, the year before, the change, the growth over
   * five years (per cent), the attainment of its targets (per cent) and its sentence.
   */
  public record Headline(
      @JsonProperty("indicator") String indicator,
      @JsonProperty("name") String name,
      @JsonProperty("unit") String unit,
      @JsonProperty("group") String group,
      @JsonProperty("value") Double value,
      @JsonProperty("previous") Double previous,
      @JsonProperty("change") Double change,
      @JsonProperty("change_percent") Double changePercent,
      @JsonProperty("growth_5y_percent") Double growth5yPercent,
      @JsonProperty("target") Double target,
      @JsonProperty("attainment_percent") Double attainmentPercent,
      @JsonProperty("sentence") String sentence) {}

  /** A group of headline indicators: their ten-year trends and the peers' ranking of the first. */
  public record Group(
      @JsonProperty("group") String group,
      @JsonProperty("trends") List<Trend> trends,
      @JsonProperty("ranking") Ranking ranking) {}

  /** Ten years of one indicator; {@code restated} marks a figure apportioned onto today's units. */
  public record Trend(
      @JsonProperty("indicator") String indicator,
      @JsonProperty("name") String name,
      @JsonProperty("unit") String unit,
      @JsonProperty("points") List<TrendPoint> points) {}

  public record TrendPoint(
      @JsonProperty("period") String period,
      @JsonProperty("value") Double value,
      @JsonProperty("restated") boolean restated) {}

  /**
   * The peers in rank order (provinces for the nation, communes for a province; rank 1 highest,
   * ties share, no data no rank), and whether the map has imported boundaries at that level.
   */
  public record Ranking(
      @JsonProperty("indicator") String indicator,
      @JsonProperty("name") String name,
      @JsonProperty("unit") String unit,
      @JsonProperty("level") String level,
      @JsonProperty("boundaries_imported") boolean boundariesImported,
      @JsonProperty("rows") List<Ranked> rows) {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Ranked(
      @JsonProperty("rank") Integer rank,
      @JsonProperty("region") String region,
      @JsonProperty("name") String name,
      @JsonProperty("value") Double value) {}

  /** Official units' posts in the year (nothing about the public). */
  public record Outreach(
      @JsonProperty("by_platform") List<Aggregate> byPlatform,
      @JsonProperty("by_unit") List<Aggregate> byUnit,
      @JsonProperty("growth") List<GrowthPoint> growth,
      @JsonProperty("top_posts") List<RankedPost> topPosts) {}

  /** A survey series of the region: its waves and cells (withheld cells carry no figure). */
  public record SurveySeries(
      @JsonProperty("indicator") String indicator,
      @JsonProperty("name") String name,
      @JsonProperty("unit") String unit,
      @JsonProperty("waves") List<SurveyWave> waves,
      @JsonProperty("cells") List<SurveyCell> cells) {}

  /** One figure of an external indicator (PAPI) in a year. */
  public record Figure(
      @JsonProperty("indicator") String indicator,
      @JsonProperty("name") String name,
      @JsonProperty("unit") String unit,
      @JsonProperty("year") int year,
      @JsonProperty("value") Double value) {}

  /** One table of the load report of the snapshot. */
  public record LoadRow(
      @JsonProperty("table") String table,
      @JsonProperty("read") long read,
      @JsonProperty("landed") long landed,
      @JsonProperty("quarantined") long quarantined,
      @JsonProperty("rows_in_lake") long rowsInLake) {}

  /** Where a headline indicator comes from: its lake tables and how it is computed. */
  public record Source(
      @JsonProperty("indicator") String indicator,
      @JsonProperty("name") String name,
      @JsonProperty("tables") String tables,
      @JsonProperty("computation") String computation,
      @JsonProperty("definition_version") int definitionVersion) {}
}
