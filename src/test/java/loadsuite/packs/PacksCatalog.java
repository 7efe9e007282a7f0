package loadsuite.packs;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import loadsuite.config.TargetsException;
import loadsuite.load.RateSchedule;
import loadsuite.load.Workload;
import loadsuite.sut.PreparationClient;
import loadsuite.sut.RunningSystem;
import loadsuite.sut.SutUnavailableException;

/**
 * What one run knows of the registry and hands its requests: the index read before the load, the
 * packs and searches of cold requests (each new to the system, see {@link ColdPool}) and the few
 * of warm requests (asked for before the load, then again and again).
 *
 * <p>Cold and warm are the system's cache's: a warm show or search is answered from it, a cold one
 * from the database. The warm items are {@value #WARM_ITEMS} packs and {@value #WARM_ITEMS}
 * searches, shown or searched once by the preparation; the cold ones are drawn from all the other
 * packs and from every search of the registry's vocabulary ({@link SearchQueries}).
 */
final class PacksCatalog {
  /** Packs, and searches, that warm requests ask for. */
  static final int WARM_ITEMS = 10;
  /** How much of a pool a run may plan to use: the rest is the margin of the random draws. */
  private static final double PLANNED_SHARE = 0.9;
  private static final Duration INDEX_WAIT = Duration.ofSeconds(10);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /**
   * The cold items an iteration draws, on average: packs (show, info), searches of any page, and
   * searches of a first page (a journey's, which shows the first pack found).
   *
   * @param conditionalList whether the workload lists with {@code If-None-Match} (it needs the index's ETag)
   */
  record Demand(double packs, double searches, double firstPageSearches, boolean conditionalList) {
    static final Demand NONE = new Demand(0, 0, 0, false);
  }

  private final Duration coldAfter;
  private final long seed = System.nanoTime();
  private volatile Prepared prepared;

  private record Prepared(PacksIndex index, SearchQueries searches, ColdPool packPool, ColdPool searchPool, int[] warmPacks,
      int[] warmSearches) {}

  /** @param coldAfter how long after its last request an item is cold again (null: never, within a run) */
  PacksCatalog(Duration coldAfter) {
    this.coldAfter = coldAfter == null ? Duration.ofDays(365) : coldAfter;
  }

  /**
   * The preparation of a workload: reads {@code index.json}, checks that the pools hold the cold
   * items the whole run ({@code workload}'s schedule, warm-up included) plans to draw, and asks once
   * for every warm pack and search, so that the system's cache holds them.
   */
  Consumer<RunningSystem> preparation(Workload workload, Demand demand) {
    return system -> prepare(system.baseUrl(), workload, demand);
  }

  /** The preparation, against the system at {@code baseUrl}. */
  void prepare(String baseUrl, Workload workload, Demand demand) {
    PreparationClient client = new PreparationClient("the packs registry at " + baseUrl);
    PacksIndex index = readIndex(client, baseUrl);
    if (demand.conditionalList() && index.etag() == null) {
      throw new SutUnavailableException("the packs registry at " + baseUrl + " sends index.json without an ETag:"
          + " a warm list (If-None-Match, answered 304) needs one");
    }
    SearchQueries searches = SearchQueries.of(index);
    ColdPool packPool = new ColdPool(index.packs().size(), seed, coldAfter, System::nanoTime);
    ColdPool searchPool = new ColdPool(searches.size(), seed + 1, coldAfter, System::nanoTime);
    Prepared ready = new Prepared(index, searches, packPool, searchPool, packPool.reserve(WARM_ITEMS), searchPool.reserve(WARM_ITEMS));
    checkPlan(workload, demand.packs(), packPool.coldItems(), "packs not asked for by warm requests", "registry-size");
    checkPlan(workload, demand.searches() + 2 * demand.firstPageSearches(), searchPool.coldItems(), "searches of the"
        + " registry's vocabulary", "registry-size (the vocabulary grows with it)");
    for (int pack : ready.warmPacks()) {
      send(client, "GET", baseUrl + PacksRequests.packagePath(index.packs().get(pack).id()));
    }
    for (int search : ready.warmSearches()) {
      send(client, "POST", baseUrl + PacksRequests.SEARCH_PATH + searches.get(search).queryString());
    }
    prepared = ready;
  }

  /**
   * Stops the run before any load when the plan would draw more cold items than the pool gives:
   * over a run shorter than {@code cold-after} each item once, over a longer one each item once per
   * {@code cold-after}. A pool that runs dry anyway makes the requests it could not serve fail.
   */
  private void checkPlan(Workload workload, double perIteration, int items, String what, String raise) {
    if (perIteration <= 0) {
      return;
    }
    RateSchedule schedule = workload.schedule();
    double planned = schedule.steps().stream().mapToDouble(RateSchedule.Step::plannedRequests).sum() * perIteration;
    double peakPerSecond = schedule.peakRate() * perIteration;
    double usable = PLANNED_SHARE * items;
    if (planned <= usable || peakPerSecond * coldAfter.toNanos() / 1e9 <= usable) {
      return;
    }
    throw new TargetsException(String.format(Locale.ROOT, "%s plans about %.0f cold requests (warm-up included), up to"
        + " %.1f/s, but the system has %d %s, and each is cold again only cold-after (%s) after its last request:"
        + " lower the rate, the duration or cold-percent, or raise %s", workload.path(), planned, peakPerSecond, items, what,
        coldAfter, raise));
  }

  private static PacksIndex readIndex(PreparationClient client, String baseUrl) {
    long deadline = System.nanoTime() + INDEX_WAIT.toNanos();
    HttpResponse<byte[]> response = client.send(request("GET", baseUrl + PacksRequests.INDEX_PATH));
    // 503: the registry is still being made
    while (response.statusCode() == 503 && System.nanoTime() < deadline) {
      PreparationClient.pause(TimeUnit.MILLISECONDS.toNanos(200));
      response = client.send(request("GET", baseUrl + PacksRequests.INDEX_PATH));
    }
    if (response.statusCode() != 200) {
      throw new SutUnavailableException("the packs registry at " + baseUrl + " answered GET /index.json with "
          + response.statusCode() + ": the load needs its index");
    }
    try {
      return PacksIndex.parse(response.body(), response.headers().firstValue("ETag").orElse(null));
    } catch (IllegalArgumentException e) {
      throw new SutUnavailableException("the index.json of the packs registry at " + baseUrl + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static void send(PreparationClient client, String method, String url) {
    HttpResponse<byte[]> response = client.send(request(method, url));
    if (response.statusCode() != 200) {
      throw new SutUnavailableException("the packs registry answered " + method + " " + url + " with " + response.statusCode()
          + " before the load (asking for the warm requests' packs and searches)");
    }
  }

  private static HttpRequest request(String method, String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Accept", "application/json")
        .method(method, HttpRequest.BodyPublishers.noBody()).build();
  }

  private Prepared ready() {
    Prepared ready = prepared;
    if (ready == null) {
      throw new IllegalStateException("the packs catalog is used before the preparation read the index");
    }
    return ready;
  }

  PacksIndex index() {
    return ready().index();
  }

  /** A pack of the index, cold if the pool still has one. */
  Cold<PacksIndex.Pack> coldPack() {
    Prepared ready = ready();
    ColdPool.Taken taken = ready.packPool().next();
    return new Cold<>(ready.index().packs().get(taken.item()), taken.cold());
  }

  /** One of the warm packs. */
  PacksIndex.Pack warmPack() {
    Prepared ready = ready();
    return ready.index().packs().get(ready.warmPacks()[ThreadLocalRandom.current().nextInt(ready.warmPacks().length)]);
  }

  /** Any pack of the index, as an install asks for one. */
  PacksIndex.Pack anyPack() {
    List<PacksIndex.Pack> packs = index().packs();
    return packs.get(ThreadLocalRandom.current().nextInt(packs.size()));
  }

  /** Notes that a request not drawn from the pool (a journey's show) asked for {@code id}: it is no longer cold. */
  void asked(String id) {
    Prepared ready = ready();
    int position = ready.index().position(id);
    if (position >= 0) {
      ready.packPool().asked(position);
    }
  }

  /** A search never sent in this run (or not within cold-after), if the pool still has one. */
  Cold<SearchQueries.Query> coldSearch() {
    Prepared ready = ready();
    ColdPool.Taken taken = ready.searchPool().next();
    return new Cold<>(ready.searches().get(taken.item()), taken.cold());
  }

  /** As {@link #coldSearch()}, of a first page: it finds at least one pack. */
  Cold<SearchQueries.Query> coldFirstPageSearch() {
    Prepared ready = ready();
    ColdPool.Taken taken = ready.searchPool().next(item -> ready.searches().get(item).firstPage());
    return new Cold<>(ready.searches().get(taken.item()), taken.cold());
  }

  /** One of the warm searches. */
  SearchQueries.Query warmSearch() {
    Prepared ready = ready();
    return ready.searches().get(ready.warmSearches()[ThreadLocalRandom.current().nextInt(ready.warmSearches().length)]);
  }

  /** An item for a cold request, and whether it is cold indeed (see {@link ColdPool}). */
  record Cold<T>(T item, boolean cold) {}
}
