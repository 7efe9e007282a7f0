package loadsuite.freightliner;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static loadsuite.freightliner.FreightlinerRequests.nextCopy;
import static loadsuite.freightliner.FreightlinerRequests.replicateJob;
import static loadsuite.freightliner.FreightlinerRequests.replicateTreeJob;
import static loadsuite.load.Interleave.branch;

import java.util.ArrayList;
import java.util.List;
import loadsuite.load.Interleave;
import loadsuite.oci.OciImage;
import loadsuite.suite.Load;

/**
 * The job API: {@code replicate} jobs of one tag and {@code replicate-tree} jobs of several
 * repositories submitted at a rate, each polled until it ends ({@code job completion}: from the
 * submission until the API says completed), then the destination checked to hold every image with
 * the source's digest.
 */
public class FreightlinerJobsSimulation extends FreightlinerSimulation {
  public FreightlinerJobsSimulation() {
    FreightlinerKeys.Jobs jobs = keys(FreightlinerKeys.Jobs.class);
    OciImage image = jobs.images().generate();
    String source = FreightlinerRequests.sourceRepository(workload().name());
    String tree = source + "-tree";
    List<String> treeRepositories = new ArrayList<>();
    for (int i = 1; i <= jobs.treeRepositories(); i++) {
      treeRepositories.add(tree + "/app" + i);
    }
    String digest = image.manifest().digest();
    load(withApiKey(Load.of("Replication jobs of " + image.describe() + ", " + jobs.treePercent() + " of them trees of "
                + jobs.treeRepositories() + " repositories",
            () -> exec(nextCopy("loadtest/" + workload().name(), jobs.images().tags())).exec(Interleave.of(
                branch(100 - jobs.treePercent().value(), replicateJob(source, digest, jobs.pollInterval(), jobs.maxPolls())),
                branch(jobs.treePercent().value(),
                    replicateTreeJob(tree, treeRepositories, FreightlinerRequests.tag(0), digest, jobs.pollInterval(), jobs.maxPolls()))))),
        pushed(image, jobs.images().tags(), List.of(source)).andThen(pushed(image, 1, treeRepositories))));
  }
}
