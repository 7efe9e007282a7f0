package loadsuite.container;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import loadsuite.sut.SutUnavailableException;
import org.junit.jupiter.api.Test;

/** Runs with the Testcontainers settings in the environment (the surefire configuration sets them). */
class ContainerEngineTest {
  @Test
  void anEngineThatDoesNotAnswerStopsWithHowToStartOne() {
    assertThatThrownBy(() -> ContainerEngine.requireEngine(() -> false))
        .isInstanceOf(SutUnavailableException.class)
        .hasMessageContaining("no container engine answers at ")
        .hasMessageContaining("bash .ci/engine start")
        .hasMessageContaining("-Dsut.mode=embedded")
        .hasMessageContaining("No load was sent");
  }

  @Test
  void anEngineThatAnswersIsAccepted() {
    assertThatCode(() -> ContainerEngine.requireEngine(() -> true)).doesNotThrowAnyException();
  }

  @Test
  void theLastLinesOfALogAreShownIndented() {
    org.assertj.core.api.Assertions.assertThat(ContainerEngine.tail("a\nb\nc\n", 2)).isEqualTo("    | b\n    | c");
  }
}
