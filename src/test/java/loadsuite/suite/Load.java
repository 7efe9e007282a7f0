package loadsuite.suite;

import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import loadsuite.load.PacedConnections.Iteration;
import loadsuite.sut.RunningSystem;

/**
 * What a simulation sends, declared in one expression: a title and the requests of one iteration,
 * and what its system's protocol needs. {@link SuiteSimulation#load} runs it in a fixed order:
 * the iteration is built (its request names noted), the system is started, {@code preparing}
 * puts data in it, the feeder is asked for its records, the protocol is set, the load starts.
 *
 * @param title what the scenario does, as the report shows it
 * @param iteration the requests one connection sends per iteration (built twice: measured, then warm-up)
 * @param preparation data the load reads, put into the running system before any load
 * @param protocol settings added to the HTTP protocol: headers, {@code localAddresses}, …
 * @param feeder values per virtual user (one record each, at its start), asked for after the preparation
 * @param transfers bytes of the body a request carries, for its data rate (MiB/s) in the report
 */
public record Load(String title, Iteration iteration, Consumer<RunningSystem> preparation,
    UnaryOperator<HttpProtocolBuilder> protocol, Optional<Supplier<Iterator<Map<String, Object>>>> feeder,
    Map<String, Long> transfers) {

  public Load {
    transfers = Map.copyOf(transfers);
  }

  public static Load of(String title, Iteration iteration) {
    return new Load(title, iteration, system -> {}, UnaryOperator.identity(), Optional.empty(), Map.of());
  }

  public Load preparing(Consumer<RunningSystem> preparation) {
    return new Load(title, iteration, preparation, protocol, feeder, transfers);
  }

  public Load withProtocol(UnaryOperator<HttpProtocolBuilder> protocol) {
    return new Load(title, iteration, preparation, protocol, feeder, transfers);
  }

  public Load feeding(Supplier<Iterator<Map<String, Object>>> feeder) {
    return new Load(title, iteration, preparation, protocol, Optional.of(feeder), transfers);
  }

  public Load transferring(String request, long bytes) {
    Map<String, Long> more = new LinkedHashMap<>(transfers);
    more.put(request, bytes);
    return new Load(title, iteration, preparation, protocol, feeder, more);
  }
}
