package dev.paastis.provider.clevercloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The signer against vectors computed independently (Python's hmac, hashlib and urllib.parse) from
 * the rules of RFC 5849 and PROVIDERS.md §3.
 */
class OAuthSignerTest {

  private static OAuthSigner signer(OAuthSigner.Method method) {
    return new OAuthSigner(
        method, "ck", "c s&ecret", "tok", "t/secret", () -> "n0nce", () -> 1_700_000_000L);
  }

  @Test
  void plaintext_sends_the_consumer_key_the_token_and_the_encoded_secrets_only() {
    String header =
        signer(OAuthSigner.Method.PLAINTEXT)
            .authorization("GET", URI.create("https://api.clever-cloud.com/v2/summary"));

    assertThat(header)
        .isEqualTo(
            "OAuth oauth_consumer_key=\"ck\", oauth_signature=\"c%2520s%2526ecret%26t%252Fsecret\","
                + " oauth_token=\"tok\"");
  }

  @Test
  void hmac_sha512_signs_the_base_string_of_method_url_and_sorted_parameters_with_the_query() {
    String header =
        signer(OAuthSigner.Method.HMAC_SHA512)
            .authorization(
                "GET",
                URI.create(
                    "https://api.clever-cloud.com/v2/organisations/orga_x/applications/app_y"
                        + "/deployments?limit=1"));

    assertThat(header)
        .isEqualTo(
            "OAuth oauth_consumer_key=\"ck\", oauth_nonce=\"n0nce\","
                + " oauth_signature=\"evPIIl3rUURW%2BMTV0JRe1Doqt1Xxgws8xL56JJdT8%2BCO%2BCNKa%2F"
                + "axzwnSLv7Lg4Erf2IaPKJtkDtxpLA4jNK8VA%3D%3D\","
                + " oauth_signature_method=\"HMAC-SHA512\", oauth_timestamp=\"1700000000\","
                + " oauth_token=\"tok\", oauth_version=\"1.0\"");
  }

  @Test
  void the_base_string_drops_the_query_and_a_default_port_and_lowercases_scheme_and_host() {
    String base =
        OAuthSigner.baseString(
            "get",
            URI.create("HTTPS://API.Clever-Cloud.com:443/v2/self?x=1"),
            java.util.Map.of("oauth_token", "tok", "x", "1"));

    assertThat(base)
        .isEqualTo("GET&https%3A%2F%2Fapi.clever-cloud.com%2Fv2%2Fself&oauth_token%3Dtok%26x%3D1");
  }

  @ParameterizedTest(name = "{0} is encoded as {1}")
  @CsvSource({
    "abcXYZ019-._~, abcXYZ019-._~",
    "a b, a%20b",
    "a+b, a%2Bb",
    "a*b, a%2Ab",
    "a/b&c=d, a%2Fb%26c%3Dd",
    "é, %C3%A9",
  })
  void percent_encoding_keeps_only_unreserved_characters(String raw, String encoded) {
    assertThat(OAuthSigner.encode(raw)).isEqualTo(encoded);
  }
}
