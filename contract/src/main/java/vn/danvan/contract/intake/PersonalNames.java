package vn.danvan.contract.intake;

import java.util.Map;

/** The kinds of personal data {@link vn.danvan.contract.PersonalData} names, said in Vietnamese. */
final class PersonalNames {
  private PersonalNames() {}

  private static final Map<String, String> VIETNAMESE = Map.of(
      "a person's name", "họ tên",
      "a phone number", "số điện thoại",
      "an e-mail address", "địa chỉ thư điện tử",
      "a national id or passport number", "số căn cước, CMND hoặc hộ chiếu",
      "an address", "địa chỉ nhà",
      "a birth date", "ngày sinh",
      "a social-media account, profile or link", "tài khoản, trang cá nhân hoặc đường dẫn mạng xã hội");

  /** The Vietnamese words for a kind; the English words when a new kind has none yet. */
  static String vietnamese(String what) {
    return VIETNAMESE.getOrDefault(what, what);
  }
}
