package dev.paastis.provider.scalingo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paastis.config.Variables;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Scalingo provider's variables (their errors are in config's InvalidVariablesTest). */
class ScalingoConfigTest {

  @Test
  void a_scalingo_api_url_with_a_region_placeholder_serves_every_region() {
    ScalingoConfig config =
        ScalingoConfig.read(
            new Variables(
                Map.of(
                    "PROVIDER_SCALINGO_API_TOKEN", "tk",
                    "PROVIDER_REGION", "osc-fr1, osc-secnum-fr1",
                    "PROVIDER_SCALINGO_API_URL", "https://proxy.example.com/{region}/")),
            true);

    assertThat(config.apiUrl("osc-secnum-fr1"))
        .hasToString("https://proxy.example.com/osc-secnum-fr1");
    assertThat(config.regions()).containsExactly("osc-fr1", "osc-secnum-fr1");
  }
}
