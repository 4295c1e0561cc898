package dev.paastis.config;

/** Where the proxy listens (HOST, PORT, --host, --port). */
public record ServerConfig(String host, int port) {}
