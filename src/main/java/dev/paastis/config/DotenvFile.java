package dev.paastis.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code .env} file: {@code KEY=VALUE} lines, {@code #} comments, blank lines, an optional
 * {@code export} prefix, and single- or double-quoted values that may span lines (double quotes
 * decode {@code \n}, {@code \t}, {@code \"} and {@code \\}). A {@code #} starts a comment in an
 * unquoted value only at its start or after a space, so URLs keep their fragments. There is no
 * {@code ${VAR}} expansion, as in the original's dotenv.
 *
 * <p>Our own parser rather than dotenv-java 3.2.0: that one refuses the {@code export} prefix,
 * looks on the classpath when the file is missing, and echoes a malformed line (maybe a secret) in
 * its error. Our messages give the line number and at most the key, never a value.
 */
final class DotenvFile {

  private static final Pattern ENTRY =
      Pattern.compile("\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\\s*=\\s*(.*)");
  private static final Pattern INLINE_COMMENT = Pattern.compile("(^|\\s+)#.*$");

  private DotenvFile() {}

  /** The entries of {@code file} in file order, later ones winning; empty when it is missing. */
  static Map<String, String> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    try {
      return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (CharacterCodingException e) {
      throw new ConfigException(".env could not be read (" + file + "): it is not UTF-8 text");
    } catch (IOException e) {
      throw new ConfigException(".env could not be read (" + file + "): " + e);
    }
  }

  static Map<String, String> parse(List<String> lines) {
    Map<String, String> entries = new LinkedHashMap<>();
    for (int index = 0; index < lines.size(); index++) {
      String line = index == 0 ? lines.get(0).replace("\uFEFF", "") : lines.get(index);
      if (line.isBlank() || line.strip().startsWith("#")) {
        continue;
      }
      Matcher entry = ENTRY.matcher(line);
      if (!entry.matches()) {
        throw error(index, "expected KEY=VALUE, a # comment or a blank line");
      }
      String key = entry.group(1);
      String raw = entry.group(2);
      if (raw.startsWith("\"") || raw.startsWith("'")) {
        index = quoted(key, raw, lines, index, entries);
      } else {
        entries.put(key, INLINE_COMMENT.matcher(raw).replaceFirst("").strip());
      }
    }
    return Map.copyOf(entries);
  }

  /** Puts the quoted value of {@code key} and returns the index of the line that closes it. */
  private static int quoted(
      String key, String raw, List<String> lines, int start, Map<String, String> entries) {
    char quote = raw.charAt(0);
    StringBuilder text = new StringBuilder();
    String rest = raw.substring(1);
    for (int index = start; index < lines.size(); ) {
      int end = closingQuote(rest, quote);
      if (end >= 0) {
        text.append(rest, 0, end);
        String after = rest.substring(end + 1).strip();
        if (!after.isEmpty() && !after.startsWith("#")) {
          throw error(index, "unexpected text after the closing quote of " + key);
        }
        entries.put(key, quote == '"' ? unescape(text) : text.toString());
        return index;
      }
      text.append(rest).append('\n');
      index++;
      rest = index < lines.size() ? lines.get(index) : "";
    }
    throw error(
        start, "the value of " + key + " opens a quote (" + quote + ") that is never closed");
  }

  private static int closingQuote(String text, char quote) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && quote == '"') {
        i++;
      } else if (c == quote) {
        return i;
      }
    }
    return -1;
  }

  private static String unescape(CharSequence text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\' || i + 1 == text.length()) {
        out.append(c);
        continue;
      }
      char next = text.charAt(++i);
      switch (next) {
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case '"', '\\' -> out.append(next);
        default -> out.append(c).append(next);
      }
    }
    return out.toString();
  }

  private static ConfigException error(int index, String reason) {
    return new ConfigException(".env line " + (index + 1) + " is not valid: " + reason);
  }
}
