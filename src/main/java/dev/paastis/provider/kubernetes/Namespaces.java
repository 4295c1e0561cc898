package dev.paastis.provider.kubernetes;

import dev.paastis.config.ConfigException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The namespaces whose workloads Paastis manages: some by name, or every namespace ({@code *}).
 *
 * @param names the namespaces, empty when {@code all}
 */
record Namespaces(boolean all, List<String> names) {

  static final String DEFAULT = "default";

  static final String VARIABLE = "PROVIDER_KUBERNETES_NAMESPACES";

  /** A namespace is a DNS label (RFC 1123). */
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  Namespaces {
    names = List.copyOf(names);
  }

  static Namespaces everywhere() {
    return new Namespaces(true, List.of());
  }

  static Namespaces of(String... names) {
    return new Namespaces(false, List.of(names));
  }

  /** From PROVIDER_KUBERNETES_NAMESPACES's entries (some): {@code *} alone, or names. */
  static Namespaces parse(List<String> entries) {
    if (entries.contains("*")) {
      if (entries.size() > 1) {
        throw new ConfigException(
            VARIABLE + "=" + String.join(",", entries) + " mixes * with names: expected * alone");
      }
      return everywhere();
    }
    for (String name : entries) {
      if (!NAME.matcher(name).matches()) {
        throw ConfigException.invalid(
            VARIABLE, name, "namespace names (lowercase letters, digits, -) or *");
      }
    }
    return new Namespaces(false, entries);
  }

  @Override
  public String toString() {
    return all ? "*" : String.join(",", names);
  }
}
