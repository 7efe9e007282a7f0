package loadsuite.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BaseUrlTest {
  @Test
  void aPathFollowsTheBaseUrlAndKeepsItsPrefix() {
    assertThat(BaseUrl.join("http://127.0.0.1:3000/api", "/v2/app/blobs/uploads/")).hasToString("http://127.0.0.1:3000/api/v2/app/blobs/uploads/");
    assertThat(BaseUrl.join("http://127.0.0.1:3000/api/", "/health")).hasToString("http://127.0.0.1:3000/api/health");
    assertThat(BaseUrl.join("http://127.0.0.1:3000", "/health")).hasToString("http://127.0.0.1:3000/health");
    assertThat(BaseUrl.join("http://127.0.0.1:3000/api", "v2/x?_state=a")).hasToString("http://127.0.0.1:3000/api/v2/x?_state=a");
  }

  @Test
  void anAbsoluteUrlIsUsedAsItIs() {
    assertThat(BaseUrl.join("http://127.0.0.1:3000/api", "http://127.0.0.1:5000/v2/x?_state=a"))
        .hasToString("http://127.0.0.1:5000/v2/x?_state=a");
  }
}
