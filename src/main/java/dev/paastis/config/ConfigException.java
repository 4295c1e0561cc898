package dev.paastis.config;

/**
 * A user mistake in the configuration. The message is one line naming the variable (or file and
 * field), the value given and what is accepted; it is printed as is, without a stack trace, and
 * Paastis exits with code 2.
 */
public class ConfigException extends RuntimeException {

  public ConfigException(String message) {
    super(message);
  }

  /** "NAME=value is not valid: expected ..." */
  public static ConfigException invalid(String variable, String value, String accepted) {
    return new ConfigException(variable + "=" + value + " is not valid: expected " + accepted);
  }
}
