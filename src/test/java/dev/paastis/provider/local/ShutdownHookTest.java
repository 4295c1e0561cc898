package dev.paastis.provider.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShutdownHookTest {

  @TempDir Path dir;

  @Test
  void childrenDoNotOutliveAJvmThatExitsWithoutClosingTheProvider() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process parent =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ExitingParent.class.getName(),
                dir.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("parent.log").toFile())
            .start();

    boolean exited = parent.waitFor(LocalTesting.PATIENCE.toSeconds(), TimeUnit.SECONDS);
    if (!exited) {
      parent.destroyForcibly();
    }
    long child = LocalTesting.awaitPid(dir.resolve("pid"));

    assertThat(exited).isTrue();
    assertThat(parent.exitValue()).isZero();
    assertThat(LocalTesting.isAlive(child)).isFalse();
  }
}
