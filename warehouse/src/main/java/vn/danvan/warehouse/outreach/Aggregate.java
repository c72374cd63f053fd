package vn.danvan.warehouse.outreach;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Outreach of one period and one value of the breakdown. Interactions are shares + comments +
 * reactions; the statistics are over the {@code measured} posts (those with at least one snapshot),
 * {@code posts} counts all. {@code key} is null for posts without that attribute (no team; for a
 * region breakdown, posts of a unit above the level); {@code name} names a region key.
 *
 * @param zeroShare share of measured posts with no interaction at all, 0..1
 */
public record Aggregate(
    @JsonProperty("period") String period,
    @JsonProperty("key") String key,
    @JsonProperty("name") String name,
    @JsonProperty("posts") long posts,
    @JsonProperty("measured") long measured,
    @JsonProperty("interactions") Long interactions,
    @JsonProperty("shares") Long shares,
    @JsonProperty("comments") Long comments,
    @JsonProperty("reactions") Long reactions,
    @JsonProperty("views") Long views,
    @JsonProperty("mean_interactions") Double meanInteractions,
    @JsonProperty("median_interactions") Double medianInteractions,
    @JsonProperty("zero_share") Double zeroShare) {
  public Aggregate {
    Objects.requireNonNull(period, "period");
    if (measured > posts) {
      throw new IllegalArgumentException("measured " + measured + " > posts " + posts);
    }
  }
}
