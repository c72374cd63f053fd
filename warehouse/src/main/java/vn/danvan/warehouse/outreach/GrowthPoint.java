package vn.danvan.warehouse.outreach;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Mean counts of the posts covered at one age ({@code 1h}, {@code 24h}, {@code 7d}, or {@code final}:
 * the totals, over every measured post); {@code hours} is null for {@code final}.
 */
public record GrowthPoint(
    @JsonProperty("key") String key,
    @JsonProperty("age") String age,
    @JsonProperty("hours") Integer hours,
    @JsonProperty("posts") long posts,
    @JsonProperty("mean_shares") Double meanShares,
    @JsonProperty("mean_comments") Double meanComments,
    @JsonProperty("mean_reactions") Double meanReactions,
    @JsonProperty("mean_interactions") Double meanInteractions,
    @JsonProperty("median_interactions") Double medianInteractions) {
  public GrowthPoint {
    Objects.requireNonNull(age, "age");
  }
}
