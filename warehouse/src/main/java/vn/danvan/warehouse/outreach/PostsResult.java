package vn.danvan.warehouse.outreach;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The answer of {@code /api/outreach/posts}: the posts of the span ranked by overperformance. */
public record PostsResult(
    @JsonProperty("order") String order,
    @JsonProperty("age") String age,
    @JsonProperty("region") String region,
    @JsonProperty("boundaries") String boundaries,
    @JsonProperty("from") String from,
    @JsonProperty("to") String to,
    @JsonProperty("snapshot") String snapshot,
    @JsonProperty("posts") List<RankedPost> posts) {
  public PostsResult {
    posts = List.copyOf(posts);
  }
}
