/** Domain values shared by every block: app states, formations, provider apps and routing rules. */
package dev.paastis.app;
