/** Operators' access: the original's system API on the proxy port. */
package dev.paastis.internal.admin;
