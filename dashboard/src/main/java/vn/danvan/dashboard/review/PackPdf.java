package vn.danvan.dashboard.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * The PDF Chromium printed, with the document information a citation needs: title, subject,
 * keywords, and the release, its snapshot and its manifest's SHA-256 as custom entries
 * ({@code danvan.release}, {@code danvan.snapshot}, {@code danvan.manifest_sha256}).
 */
final class PackPdf {
  static final String RELEASE = "danvan.release";
  static final String SNAPSHOT = "danvan.snapshot";
  static final String MANIFEST = "danvan.manifest_sha256";

  private PackPdf() {}

  static void write(byte[] printed, Path out, String title, String subject, String keywords, Map<String, String> custom,
      java.time.Instant created) {
    try (PDDocument pdf = Loader.loadPDF(printed)) {
      PDDocumentInformation info = pdf.getDocumentInformation();
      info.setTitle(title);
      info.setSubject(subject);
      info.setKeywords(keywords);
      info.setCreator("danvan review pack");
      Calendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
      when.setTimeInMillis(created.toEpochMilli());
      info.setCreationDate(when);
      custom.forEach(info::setCustomMetadataValue);
      java.nio.file.Files.deleteIfExists(out);
      pdf.save(out.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
    }
  }
}
