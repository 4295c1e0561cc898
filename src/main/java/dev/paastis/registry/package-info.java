/** The {@link Registry} seam: tracked apps, last access, idle deadline and saved formation. */
package dev.paastis.registry;
