package loadsuite.load;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatling.core.config.GatlingConfiguration;
import io.gatling.http.request.builder.HttpRequestBuilder;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import loadsuite.log.MeasuredWindow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The requests and groups of the measured chain, and of the warm-up's: the same requests and
 * groups, logged (the warm-up runs the code the measured window runs; its group leaves it out).
 */
class NamedRequestsTest {
  /** Gatling's HTTP builders read the configuration a run sets. */
  @BeforeAll
  static void configureGatling() {
    io.gatling.core.Predef$.MODULE$._configuration_$eq(GatlingConfiguration.load());
  }

  private static HttpRequestActionBuilder simple() {
    return NamedRequests.http("GET /simple").get("/simple").check(status().is(200));
  }

  private static boolean silent(HttpRequestActionBuilder request) {
    return ((HttpRequestBuilder) request.asScala()).httpAttributes().silent().contains(true);
  }

  @Test
  void aRequestIsLoggedInTheWarmUpAsInTheMeasuredChain() {
    assertThat(silent(simple())).isFalse();
    assertThat(silent(WarmUp.build(NamedRequestsTest::simple))).as("built for the warm-up").isFalse();
    assertThat(silent(NamedRequests.collect(NamedRequestsTest::simple).value())).as("built for the measured chain").isFalse();
  }

  @Test
  void theWarmUpSendsTheStepsOfAGroupInTheGroup() {
    ChainBuilder steps = exec(simple());
    assertThat(WarmUp.build(() -> NamedRequests.group("journey", () -> steps))).isNotSameAs(steps);
    NamedRequests.Built<ChainBuilder> measured = NamedRequests.collect(() -> NamedRequests.group("journey", () -> exec(simple())));
    assertThat(measured.groups()).containsExactly("journey");
    assertThat(measured.names()).containsExactly("journey / GET /simple");
  }

  @Test
  void noGroupMayTakeTheWarmUpsName() {
    assertThatThrownBy(() -> NamedRequests.group(MeasuredWindow.WARM_UP_GROUP, () -> exec(simple())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("give the group another name");
  }

  @Test
  void theScopeEndsWithTheBuild() {
    WarmUp.build(NamedRequestsTest::simple);
    assertThat(WarmUp.building()).isFalse();
  }
}
