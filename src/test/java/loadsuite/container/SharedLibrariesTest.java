package loadsuite.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SharedLibrariesTest {
  @Test
  void readsTheLibrariesAndTheLoaderFromLddOutput() {
    String ldd = """
        \tlinux-vdso.so.1 (0x00007ffd5a3f2000)
        \tlibz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x00007f1c1c2e1000)
        \tlibjli.so => /opt/java/bin/../lib/libjli.so (0x00007f1c1c2d0000)
        \tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f1c1c0ef000)
        \t/lib64/ld-linux-x86-64.so.2 (0x00007f1c1c31a000)
        """;
    assertThat(SharedLibraries.parse(ldd)).containsExactlyInAnyOrder(
        Path.of("/lib/x86_64-linux-gnu/libz.so.1"), Path.of("/opt/java/bin/../lib/libjli.so"),
        Path.of("/lib/x86_64-linux-gnu/libc.so.6"), Path.of("/lib64/ld-linux-x86-64.so.2"));
  }
}
