package vn.danvan.warehouse.outreach;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * One official unit's post with its overperformance at an age: {@code interactions} at that age,
 * the channel's {@code benchmark} from {@code benchmark_posts} earlier posts, {@code score} =
 * interactions / benchmark; then the post's totals. Only the unit's own post and aggregate counts:
 * nothing about who reacted or commented exists in the warehouse.
 */
public record RankedPost(
    @JsonProperty("rank") int rank,
    @JsonProperty("post_id") String postId,
    @JsonProperty("unit") String unit,
    @JsonProperty("team") String team,
    @JsonProperty("region_code") String regionCode,
    @JsonProperty("platform") String platform,
    @JsonProperty("channel") String channel,
    @JsonProperty("published_at") String publishedAt,
    @JsonProperty("topic") String topic,
    @JsonProperty("format") String format,
    @JsonProperty("interactions") double interactions,
    @JsonProperty("benchmark") double benchmark,
    @JsonProperty("benchmark_posts") int benchmarkPosts,
    @JsonProperty("score") double score,
    @JsonProperty("total_shares") long totalShares,
    @JsonProperty("total_comments") long totalComments,
    @JsonProperty("total_reactions") long totalReactions,
    @JsonProperty("total_views") Long totalViews) {
  public RankedPost {
    Objects.requireNonNull(postId, "postId");
  }
}
