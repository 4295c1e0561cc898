package dev.paastis.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DotenvFileTest {

  @ParameterizedTest(name = "the line [{0}] sets {1} to [{2}]")
  @CsvSource(
      delimiter = '|',
      value = {
        "PORT=4000                       | PORT  | 4000",
        "export PORT=4000                | PORT  | 4000",
        "  PORT = 4000                   | PORT  | 4000",
        "HOOKS=echo two words            | HOOKS | echo two words",
        "PORT=4000 # the proxy port      | PORT  | 4000",
        "URL=https://x.test/#fragment    | URL   | https://x.test/#fragment",
        "NAME=\"quoted # not a comment\" | NAME  | quoted # not a comment",
        "NAME='single $HOME \\n'         | NAME  | single $HOME \\n",
        "NAME=\"a \\\"b\\\" c\"          | NAME  | a \"b\" c",
        "NAME=\"a\" # comment            | NAME  | a",
        "EMPTY=                          | EMPTY | ''",
        "EQ=a=b                          | EQ    | a=b",
      })
  void a_line_sets_one_variable(String line, String key, String value) {
    assertThat(DotenvFile.parse(List.of(line))).containsExactlyEntriesOf(Map.of(key, value));
  }

  @Test
  void comments_and_blank_lines_are_skipped_and_a_later_line_wins() {
    List<String> lines = List.of("# settings", "", "   ", "  # indented", "PORT=1", "PORT=2");

    assertThat(DotenvFile.parse(lines)).containsExactlyEntriesOf(Map.of("PORT", "2"));
  }

  @Test
  void double_quotes_decode_escapes_and_may_span_lines() {
    List<String> lines = List.of("KEY=\"line one", "line two\\tend\"", "NEXT=1");

    assertThat(DotenvFile.parse(lines))
        .containsEntry("KEY", "line one\nline two\tend")
        .containsEntry("NEXT", "1");
  }

  @Test
  void a_missing_file_gives_no_variables(@TempDir Path dir) {
    assertThat(DotenvFile.read(dir.resolve(".env"))).isEmpty();
  }

  @Test
  void a_file_is_read_with_its_byte_order_mark(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve(".env"), "\uFEFFPORT=4000\n");

    assertThat(DotenvFile.read(file)).containsExactlyEntriesOf(Map.of("PORT", "4000"));
  }

  @Test
  void a_file_that_is_not_utf8_is_refused(@TempDir Path dir) throws Exception {
    Path file = Files.write(dir.resolve(".env"), new byte[] {'A', '=', (byte) 0xff});

    assertThatThrownBy(() -> DotenvFile.read(file))
        .hasMessage(".env could not be read (" + file + "): it is not UTF-8 text");
  }

  @Test
  void a_line_without_equals_is_refused_by_number_without_its_text() {
    assertThatThrownBy(() -> DotenvFile.parse(List.of("PORT=1", "TOKEN tk-secret")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(".env line 2 is not valid: expected KEY=VALUE, a # comment or a blank line");
  }

  @Test
  void a_quote_that_is_never_closed_is_refused_naming_the_key() {
    assertThatThrownBy(() -> DotenvFile.parse(List.of("TOKEN=\"tk-secret", "PORT=1")))
        .hasMessage(
            ".env line 1 is not valid: the value of TOKEN opens a quote (\") that is never closed");
  }

  @Test
  void text_after_a_closing_quote_is_refused() {
    assertThatThrownBy(() -> DotenvFile.parse(List.of("TOKEN='tk' secret")))
        .hasMessage(".env line 1 is not valid: unexpected text after the closing quote of TOKEN");
  }
}
