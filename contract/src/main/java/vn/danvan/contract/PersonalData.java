package vn.danvan.contract;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a landing column looks like personal data of members of the public (names,
 * phone numbers, e-mail, national id numbers, addresses, birth dates, social-media accounts,
 * profile links). The warehouse must never hold such data, so a file carrying one is refused as a
 * whole, before anything of it is read.
 *
 * <p>Matching is on the words of the normalised column name (accents, case, spaces and hyphens
 * folded: {@code "Số điện thoại"} becomes {@code so_dien_thoai}) so that {@code telemetry} or
 * {@code channel} do not trip the phone or name rules. The contract's own columns of the table are
 * always allowed ({@code name} of a region, a campaign or a model is the name of a unit, not a
 * person); anything else name-like is refused, because a loader cannot tell a unit's name from a
 * person's.
 */
public final class PersonalData {
  private PersonalData() {}

  private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  /** One family of personal data: single words, or word pairs that must appear side by side. */
  private record Rule(String what, Set<String> words, List<String> pairs, Set<String> firstWords) {}

  private static final List<Rule> RULES = List.of(
      new Rule("a person's name",
          Set.of("name", "names", "fullname", "firstname", "lastname", "surname", "givenname",
              "middlename", "hoten", "hovaten", "ten", "nickname"),
          List.of("ho ten", "ho va"), Set.of()),
      new Rule("a phone number",
          Set.of("phone", "phones", "phonenumber", "mobile", "tel", "telephone", "cellphone", "sdt",
              "sodienthoai", "dienthoai", "fax", "whatsapp", "msisdn"),
          List.of("dien thoai", "cell phone"), Set.of()),
      new Rule("an e-mail address", Set.of("email", "emails", "mail", "gmail", "emailaddress"),
          List.of("e mail"), Set.of()),
      new Rule("a national id or passport number",
          Set.of("cccd", "cmnd", "cmt", "passport", "ssn", "nationalid", "idnumber", "idcard",
              "identity", "hochieu", "cancuoc"),
          List.of("national id", "id number", "id no", "id card", "citizen id", "can cuoc",
              "ho chieu", "so dinh", "dinh danh"),
          Set.of()),
      new Rule("an address",
          Set.of("address", "addresses", "addr", "diachi", "street", "sonha", "ip"),
          List.of("dia chi", "so nha", "house number", "noi o"), Set.of()),
      new Rule("a birth date",
          Set.of("dob", "birthday", "birthdate", "birth", "ngaysinh", "namsinh"),
          List.of("ngay sinh", "nam sinh"), Set.of()),
      new Rule("a social-media account, profile or link",
          Set.of("url", "urls", "uri", "link", "links", "href", "permalink", "username", "userid",
              "uid", "handle", "avatar", "profile", "profiles", "account", "accounts",
              "facebookid", "fbid", "zaloid"),
          List.of("user id", "facebook id", "zalo id", "tiktok id", "youtube id", "comment text",
              "comment content", "comment body", "comment message"),
          Set.of("commenter", "commenters", "commentator", "respondent", "author", "user", "users",
              "profile", "account", "fb", "facebook", "follower", "liker", "reactor", "sharer")));

  /**
   * The column name folded for matching: lower case, Vietnamese accents and {@code đ} removed,
   * every run of other characters (spaces, hyphens, dots) one underscore, none at either end.
   */
  public static String normalise(String column) {
    Objects.requireNonNull(column, "column");
    String s = column.replace("\uFEFF", "").replace('đ', 'd').replace('Đ', 'D');
    s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    s = NON_WORD.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("_");
    int from = 0;
    int to = s.length();
    while (from < to && s.charAt(from) == '_') {
      from++;
    }
    while (to > from && s.charAt(to - 1) == '_') {
      to--;
    }
    return s.substring(from, to);
  }

  /**
   * What kind of personal data the column of this table looks like, e.g. {@code "a phone number"};
   * empty when the column is allowed (a contract column of the table, or not personal).
   */
  public static Optional<String> violation(Table table, String column) {
    Objects.requireNonNull(table, "table");
    String name = normalise(column);
    if (table.column(name).isPresent()) {
      return Optional.empty();
    }
    List<String> words = List.of(name.split("_"));
    String spaced = " " + String.join(" ", words) + " ";
    String joined = String.join("", words);
    for (Rule rule : RULES) {
      boolean hit = words.stream().anyMatch(rule.words()::contains)
          || rule.words().contains(joined)
          || rule.pairs().stream().anyMatch(pair -> spaced.contains(" " + pair + " "))
          || (!words.isEmpty() && rule.firstWords().contains(words.get(0)));
      if (hit) {
        return Optional.of(rule.what());
      }
    }
    return Optional.empty();
  }
}
