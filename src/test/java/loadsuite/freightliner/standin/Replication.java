package loadsuite.freightliner.standin;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import loadsuite.oci.Blob;
import loadsuite.oci.OciClient;
import loadsuite.oci.OciException;
import loadsuite.oci.OciImage;

/**
 * What a worker does for a job: copies each image with the OCI client in Freightliner's own
 * sequence, then checks that the destination holds the manifest and every blob with the source's
 * digests; only then is an image counted as replicated.
 */
final class Replication {
  private Replication() {}

  static void run(Job job) {
    JobRequest request = job.request;
    OciClient source = new OciClient(request.sourceRegistry().baseUrl());
    OciClient destination = new OciClient(request.destRegistry().baseUrl());
    if (request.type().equals(JobRequest.REPLICATE)) {
      copyRepository(job, source, request.sourceRepo(), destination, request.destRepo(), request.tags());
      return;
    }
    String prefix = request.sourceRepo().endsWith("/") ? request.sourceRepo() : request.sourceRepo() + "/";
    for (String repository : source.catalog()) {
      if ((repository.equals(request.sourceRepo()) || repository.startsWith(prefix)) && !matchesAny(request.excludeRepos(), repository)) {
        String target = request.destRepo() + repository.substring(request.sourceRepo().length());
        copyRepository(job, source, repository, destination, target, List.of());
      }
    }
  }

  private static void copyRepository(Job job, OciClient source, String repository, OciClient destination, String target,
      List<String> tags) {
    JobRequest request = job.request;
    List<String> chosen = (tags.isEmpty() ? source.tags(repository) : tags).stream()
        .filter(tag -> request.includeTags().isEmpty() || matchesAny(request.includeTags(), tag))
        .filter(tag -> !matchesAny(request.excludeTags(), tag))
        .toList();
    if (chosen.isEmpty()) {
      throw new OciException("no tag of " + repository + " to replicate");
    }
    for (String tag : chosen) {
      if (request.dryRun()) { // the real Freightliner accepts dry_run and copies anyway: its defect
        job.replicated(target, 0);
        continue;
      }
      String digest = source.copyImage(repository, tag, destination, target, request.force());
      job.replicated(target, verify(destination, target, tag, digest));
    }
  }

  /** Checks the destination's manifest digest and every blob's presence; gives the bytes of its blobs. */
  private static long verify(OciClient destination, String repository, String tag, String digest) {
    byte[] manifest = destination.pullManifest(repository, tag, OciImage.MANIFEST_TYPE);
    if (!Blob.sha256(manifest).equals(digest)) {
      throw new OciException("the destination's manifest " + repository + ":" + tag + " has digest " + Blob.sha256(manifest)
          + ", not the source's " + digest);
    }
    long bytes = manifest.length;
    for (OciClient.Descriptor blob : OciClient.blobs(manifest)) {
      if (!destination.hasBlob(repository, blob.digest())) {
        throw new OciException("the destination lacks blob " + blob.digest() + " of " + repository + ":" + tag);
      }
      bytes += blob.size();
    }
    return bytes;
  }

  private static boolean matchesAny(List<String> globs, String name) {
    return globs.stream().anyMatch(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(Path.of(name)));
  }
}
