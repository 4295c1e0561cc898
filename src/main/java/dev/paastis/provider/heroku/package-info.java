/** The Heroku provider, on the Platform API v3. {@link HerokuProvider} is the entry point. */
package dev.paastis.provider.heroku;
