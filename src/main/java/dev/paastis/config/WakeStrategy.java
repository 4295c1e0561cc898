package dev.paastis.config;

/**
 * What a request to a sleeping app gets while the app starts (WAKE_STRATEGY).
 *
 * <ul>
 *   <li>{@code AUTO}: browsers (GET with {@code Accept: text/html}) get the waking page, other
 *       clients wait;
 *   <li>{@code BLOCKING}: every client waits;
 *   <li>{@code PAGE}: every GET gets the waking page, other methods wait.
 * </ul>
 */
public enum WakeStrategy {
  AUTO,
  BLOCKING,
  PAGE
}
