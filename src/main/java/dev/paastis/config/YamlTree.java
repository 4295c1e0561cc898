package dev.paastis.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a YAML file with Jackson into a tree whose scalars keep the text as written: {@code 01234}
 * stays {@code "01234"} and {@code yes} stays {@code "yes"}, where a databind tree would give 668
 * and true. Duplicate keys and aliases are refused rather than silently resolved.
 */
final class YamlTree {

  private static final YAMLFactory FACTORY = new YAMLFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern MARK =
      Pattern.compile("^ in '[^']*', line (\\d+), column \\d+:$", Pattern.MULTILINE);

  private YamlTree() {}

  /** The root of {@code file}; a null node when the file holds no document. */
  static JsonNode read(Path file, String displayName) {
    try (JsonParser parser = FACTORY.createParser(file.toFile())) {
      return parser.nextToken() == null ? NullNode.getInstance() : value(parser, displayName);
    } catch (JsonProcessingException e) {
      throw malformed(displayName, line(e), problem(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new ConfigException(displayName + " could not be read: " + e.getMessage());
    }
  }

  private static JsonNode value(JsonParser parser, String file) throws IOException {
    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      throw malformed(file, lineOf(parser.currentTokenLocation()), "aliases are not supported");
    }
    return switch (parser.currentToken()) {
      case START_OBJECT -> mapping(parser, file);
      case START_ARRAY -> sequence(parser, file);
      case VALUE_NULL -> NullNode.getInstance();
      default -> TextNode.valueOf(parser.getText());
    };
  }

  private static ObjectNode mapping(JsonParser parser, String file) throws IOException {
    ObjectNode mapping = NODES.objectNode();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      JsonLocation location = parser.currentTokenLocation();
      parser.nextToken();
      if (mapping.has(key)) {
        throw malformed(file, lineOf(location), "duplicate key '" + key + "'");
      }
      mapping.set(key, value(parser, file));
    }
    return mapping;
  }

  private static ArrayNode sequence(JsonParser parser, String file) throws IOException {
    ArrayNode sequence = NODES.arrayNode();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      sequence.add(value(parser, file));
    }
    return sequence;
  }

  /**
   * SnakeYAML's message is several lines: context, problem, and source excerpts (indented). The
   * last line that is not an excerpt states the problem; the excerpts may hold secrets.
   */
  private static String problem(String message) {
    return message
        .lines()
        .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
        .reduce((first, second) -> second)
        .orElse("unreadable YAML");
  }

  /**
   * The line of SnakeYAML's problem mark, the last one in its message; Jackson's own location is
   * where its parser stood, which for a scanner error can be lines earlier.
   */
  private static int line(JsonProcessingException e) {
    Matcher mark = MARK.matcher(e.getOriginalMessage());
    int line = -1;
    while (mark.find()) {
      line = Integer.parseInt(mark.group(1));
    }
    return line > 0 ? line : lineOf(e.getLocation());
  }

  private static int lineOf(JsonLocation location) {
    return location == null ? -1 : location.getLineNr();
  }

  private static ConfigException malformed(String file, int line, String problem) {
    String where = line < 1 ? "" : " line " + line;
    return new ConfigException(file + where + " is not valid YAML: " + problem);
  }
}
