package vn.danvan.dashboard.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * API tokens: {@value #PREFIX} and 32 random bytes in unpadded base64url (43 characters). The
 * prefix lets secret scanners and people recognise a leaked token. Only the SHA-256 of a token is
 * stored: with 256 random bits there is nothing to guess, so a slow password hash would add cost
 * to every request and no safety, and a fast one lets a request find its token by an indexed
 * lookup.
 */
final class Tokens {
  static final String PREFIX = "dvt_";
  private static final int BYTES = 32;
  private static final Pattern FORM = Pattern.compile(PREFIX + "[A-Za-z0-9_-]{43}");

  private Tokens() {}

  /** A new token; its text is shown once and never stored. */
  static String generate(SecureRandom random) {
    byte[] bytes = new byte[BYTES];
    random.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether {@code token} has the form of a token (anything else is refused without a lookup). */
  static boolean wellFormed(String token) {
    return token != null && FORM.matcher(token).matches();
  }

  /** The token as stored: its SHA-256, in lower-case hex. */
  static String hash(String token) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
