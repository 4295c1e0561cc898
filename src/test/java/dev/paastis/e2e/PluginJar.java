package dev.paastis.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a provider plugin's jar as its author would: its sources compiled against Paastis's jar
 * alone, then packed with its {@code META-INF/services} file.
 */
final class PluginJar {

  private PluginJar() {}

  /**
   * @param sources a folder of {@code .java} files and a {@code META-INF} folder
   * @param against the jar the plugin compiles against
   * @param work where the classes and the jar are written
   * @return the plugin's jar
   */
  static Path build(Path sources, Path against, Path work) throws IOException {
    Path classes = Files.createDirectories(work.resolve("classes"));
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "-classpath", against.toAbsolutePath().toString(),
                "-d", classes.toString(),
                "--release", "17"));
    try (Stream<Path> files = Files.walk(sources)) {
      files
          .filter(file -> file.toString().endsWith(".java"))
          .forEach(f -> arguments.add(f.toString()));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int exit =
        javac.run(null, OutputStream.nullOutputStream(), errors, arguments.toArray(String[]::new));
    if (exit != 0) {
      throw new IllegalStateException("the plugin does not compile: " + errors);
    }
    Path jar = work.resolve("plugin.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      add(out, classes);
      add(out, sources);
    }
    return jar;
  }

  /** Adds the class files and META-INF entries under {@code root}, named relative to it. */
  private static void add(JarOutputStream out, Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = root.relativize(file).toString().replace('\\', '/');
        if (name.endsWith(".class") || name.startsWith("META-INF/")) {
          out.putNextEntry(new JarEntry(name));
          Files.copy(file, out);
          out.closeEntry();
        }
      }
    }
  }
}
