/**
 * Typed, immutable configuration: loading from the environment, {@code .env}, CLI flags and {@code
 * paastis.yml}; validation with messages that name the variable and the accepted values; redaction
 * of secrets when the configuration is printed.
 */
package dev.paastis.config;
