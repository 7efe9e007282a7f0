package loadsuite.packs;

import static io.gatling.javaapi.core.CoreDsl.bodyBytes;
import static io.gatling.javaapi.core.CoreDsl.bodyLength;
import static io.gatling.javaapi.core.CoreDsl.bodyStream;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.status;
import static loadsuite.load.NamedRequests.http;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import loadsuite.load.Interleave;
import loadsuite.load.NamedRequests;

/**
 * The requests of the packs workloads, named for the {@code ggen pack} command each stands for and
 * whether it is cold or warm, with the checks that make a wrong answer a failure. Each takes its
 * pack or search from the run's {@link PacksCatalog}; a cold request whose catalog had nothing cold
 * left fails (see {@link ColdPool}).
 *
 * <ul>
 *   <li>list: {@code GET /index.json}; cold without a validator (the whole document, its ETag and
 *       size checked), warm with {@code If-None-Match} (304);
 *   <li>search: {@code POST /marketplace/search?query=&limit=&offset=&category=&sort_by=};
 *   <li>show: {@code GET /marketplace/packages/{id}}, the pack's details;
 *   <li>info: the same route, asked about one version: its SHA-256 must be the index's;
 *   <li>install: the version resolved from the index, {@code GET /marketplace/packages/{id}/{version}/download},
 *       the content's SHA-256 computed by a Gatling check and compared with the index's;
 *   <li>update: the index re-read with {@code If-None-Match}, then the install's download of a newer version.
 * </ul>
 */
final class PacksRequests {
  static final String INDEX_PATH = "/index.json";
  static final String SEARCH_PATH = "/marketplace/search?";
  static final String LIST_COLD = "list (cold)";
  static final String LIST_WARM = "list (warm)";
  static final String SEARCH_COLD = "search (cold)";
  static final String SEARCH_WARM = "search (warm)";
  static final String SHOW_COLD = "show (cold)";
  static final String SHOW_WARM = "show (warm)";
  static final String INFO_COLD = "info (cold)";
  static final String INFO_WARM = "info (warm)";
  static final String INSTALL = "install";
  /** The first-time user's journey, a group of a search, a show and an install. */
  static final String JOURNEY = "journey";
  static final String JOURNEY_SEARCH = "search";
  static final String JOURNEY_SHOW = "show";
  static final String JOURNEY_INSTALL = "install";
  /** {@code ggen pack update} of one pack, a group of the index re-read and the download of the newer version. */
  static final String UPDATE = "update";
  static final String UPDATE_INDEX = "index.json";
  static final String UPDATE_DOWNLOAD = "download";

  private static final String PACK = "packsId";
  private static final String VERSION = "packsVersion";
  private static final String SHA256 = "packsSha256";
  private static final String SEARCH = "packsSearch";
  private static final String COLD = "packsCold";
  private static final String FOUND = "packsFound";
  private static final String INSTALLATION = "packsInstallation";
  private static final String NEW_INDEX = "packsNewIndex";
  private static final String NEW_ETAG = "packsNewEtag";

  /** What a request asks for: something not asked for before (cold) or something asked for again and again (warm). */
  enum Cache {
    COLD,
    WARM
  }

  private final PacksCatalog catalog;

  PacksRequests(PacksCatalog catalog) {
    this.catalog = catalog;
  }

  /** {@code cold} in the share {@code coldShare} (0 to 1) of iterations, evenly spread, {@code warm} in the others. */
  static ChainBuilder coldOrWarm(double coldShare, ChainBuilder cold, ChainBuilder warm) {
    BooleanSupplier coldNow = Interleave.share(coldShare);
    return doIfOrElse(session -> coldNow.getAsBoolean()).then(cold).orElse(warm);
  }

  /** The list of every pack: the whole index, the client having no copy of it. */
  ChainBuilder listIndex() {
    return exec(http(LIST_COLD).get(INDEX_PATH)
        .check(status().is(200), header("ETag").is(session -> catalog.index().etag()),
            bodyLength().is(session -> catalog.index().bytes())));
  }

  /** The list again: the client revalidates its copy with {@code If-None-Match}, and the registry answers 304. */
  ChainBuilder listIndexWarm() {
    return exec(http(LIST_WARM).get(INDEX_PATH)
        .header("If-None-Match", session -> catalog.index().etag())
        .check(status().is(304)));
  }

  /** A search never sent before (cold) or one of the warm ones. */
  ChainBuilder search(Cache cache) {
    return exec(session -> cache == Cache.COLD ? withColdSearch(session, catalog.coldSearch()) : session.set(SEARCH, catalog.warmSearch()))
        .exec(searchRequest(cache == Cache.COLD ? SEARCH_COLD : SEARCH_WARM, cache));
  }

  /** A pack's details: of a pack not asked for before (cold) or of one of the warm ones. */
  ChainBuilder show(Cache cache) {
    return exec(session -> cache == Cache.COLD ? withColdPack(session, catalog.coldPack(), false) : withPack(session, catalog.warmPack(), false))
        .exec(http(cache == Cache.COLD ? SHOW_COLD : SHOW_WARM).get(session -> packagePath(session.getString(PACK)))
            .check(status().is(200), jsonPath("$.id").isEL("#{" + PACK + "}"))
            .check(ifCold(cache)));
  }

  /** A version's details: any version of a pack not asked for before (cold) or of a warm one; its SHA-256 is checked. */
  ChainBuilder info(Cache cache) {
    return exec(session -> cache == Cache.COLD ? withColdPack(session, catalog.coldPack(), true) : withPack(session, catalog.warmPack(), true))
        .exec(http(cache == Cache.COLD ? INFO_COLD : INFO_WARM).get(session -> packagePath(session.getString(PACK)))
            .check(status().is(200), jsonPath("$.id").isEL("#{" + PACK + "}"),
                jsonPath(session -> "$.versions['" + session.getString(VERSION) + "'].sha256").is(session -> session.getString(SHA256)))
            .check(ifCold(cache)));
  }

  /** An install of the latest version of any pack. */
  ChainBuilder install() {
    return exec(session -> withPack(session, catalog.anyPack(), false)).exec(download(INSTALL));
  }

  /**
   * The seed's first-time user: a search never sent before (of a first page), the details of the
   * first pack found, and the install of its latest version, as one group.
   */
  ChainBuilder journey() {
    return NamedRequests.group(JOURNEY, () -> exec(session -> withColdSearch(session, catalog.coldFirstPageSearch()).remove(FOUND))
        .exec(searchRequest(JOURNEY_SEARCH, Cache.COLD).check(jsonPath("$.data[0].id")
            .validate("a pack of the index", (id, session) -> listed(id)).saveAs(FOUND)))
        .doIf(session -> session.contains(FOUND)).then(exec(
            http(JOURNEY_SHOW).get(session -> packagePath(session.getString(FOUND)))
                .check(status().is(200), jsonPath("$.id").isEL("#{" + FOUND + "}")),
            exec(this::resolveFound),
            download(JOURNEY_INSTALL))));
  }

  /**
   * {@code ggen pack update} of one pack, as one group: the index re-read with {@code If-None-Match}
   * (304: the user's copy is current; 200: a new copy, which must have a new ETag), an installed
   * pack whose latest version in the copy is newer resolved, and its download, SHA-256 checked, as
   * an install's. An update that finds no newer version sends the re-read alone.
   */
  ChainBuilder update() {
    return NamedRequests.group(UPDATE, () -> exec(session -> session.contains(INSTALLATION) ? session
            : session.set(INSTALLATION, new Installation(catalog.index())))
        .exec(http(UPDATE_INDEX).get(INDEX_PATH)
            .header("If-None-Match", session -> installation(session).etag())
            .check(status().in(200, 304))
            .checkIf((response, session) -> response.status().code() == 200)
            .then(header("ETag").not(session -> installation(session).etag()).saveAs(NEW_ETAG),
                bodyBytes().transform(body -> PacksIndex.parse(body, null)).saveAs(NEW_INDEX)))
        .exec(PacksRequests::resolveUpdate)
        .doIf(session -> session.contains(PACK)).then(exec(download(UPDATE_DOWNLOAD))));
  }

  /** The path of a pack's details. */
  static String packagePath(String id) {
    return "/marketplace/packages/" + segment(id);
  }

  private HttpRequestActionBuilder searchRequest(String name, Cache cache) {
    return http(name).post(session -> SEARCH_PATH + session.<SearchQueries.Query>get(SEARCH).queryString())
        .check(status().is(200),
            jsonPath("$.limit").ofInt().is(session -> session.<SearchQueries.Query>get(SEARCH).limit()),
            jsonPath("$.offset").ofInt().is(session -> session.<SearchQueries.Query>get(SEARCH).offset()),
            jsonPath("$.total").ofInt().gte(0))
        .check(ifCold(cache));
  }

  /** The session's pack version: its content, whose SHA-256 must be the one the index gives. */
  private static HttpRequestActionBuilder download(String name) {
    return http(name).get(session -> packagePath(session.getString(PACK)) + "/" + segment(session.getString(VERSION)) + "/download")
        .header("Accept", "*/*")
        .check(status().is(200), bodyStream().transform(PacksRequests::sha256).is(session -> session.getString(SHA256)));
  }

  /** For a cold request, the check that fails it when its catalog had no cold item left (the item it sends is not cold). */
  private static List<CheckBuilder> ifCold(Cache cache) {
    return cache == Cache.WARM ? List.of() : List.of(status().validate("sent something cold", (status, session) -> {
      if (!session.getBoolean(COLD)) {
        throw new IllegalStateException("no cold item was left: every pack or search of the pool was asked for within"
            + " cold-after (raise registry-size, or lower the rate or cold-percent)");
      }
      return status;
    }));
  }

  private static Session withColdSearch(Session session, PacksCatalog.Cold<SearchQueries.Query> search) {
    return session.set(SEARCH, search.item()).set(COLD, search.cold());
  }

  private static Session withColdPack(Session session, PacksCatalog.Cold<PacksIndex.Pack> pack, boolean anyVersion) {
    return withPack(session, pack.item(), anyVersion).set(COLD, pack.cold());
  }

  /** The pack in the session, with its latest version, or any of its versions. */
  private static Session withPack(Session session, PacksIndex.Pack pack, boolean anyVersion) {
    List<String> versions = pack.versions();
    String version = anyVersion ? versions.get(ThreadLocalRandom.current().nextInt(versions.size())) : pack.latestVersion();
    return session.set(PACK, pack.id()).set(VERSION, version).set(SHA256, pack.sha256().get(version));
  }

  /** A pack id a search found: one the index lists, or the search fails (nothing could be installed). */
  private String listed(String id) {
    if (id == null) {
      throw new IllegalStateException("the search found no pack");
    }
    if (catalog.index().find(id) == null) {
      throw new IllegalStateException("the index lists no pack '" + id + "'");
    }
    return id;
  }

  /** The install of the pack a journey found, its version resolved from the index as {@code ggen pack install} does. */
  private Session resolveFound(Session session) {
    String id = session.getString(FOUND);
    catalog.asked(id);
    return withPack(session, catalog.index().find(id), false);
  }

  private static Installation installation(Session session) {
    return session.get(INSTALLATION);
  }

  /** The copy of the index a re-read brought, if any, and the pack the update installs (none: no {@code PACK}). */
  private static Session resolveUpdate(Session session) {
    Installation installation = installation(session);
    if (session.contains(NEW_INDEX) && session.contains(NEW_ETAG)) {
      installation.reread(session.get(NEW_INDEX), session.getString(NEW_ETAG));
    }
    PacksIndex.Pack outdated = installation.takeOutdated();
    Session resolved = session.remove(NEW_INDEX).remove(NEW_ETAG).remove(PACK);
    return outdated == null ? resolved : withPack(resolved, outdated, false);
  }

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String sha256(InputStream body) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 << 10];
      for (int read; (read = body.read(buffer)) > 0; ) {
        digest.update(buffer, 0, read);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
