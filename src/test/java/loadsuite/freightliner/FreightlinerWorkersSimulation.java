package loadsuite.freightliner;

/**
 * The same copies as a staircase of workers (10 to 100 nightly): MB/s and latency on every level,
 * and the knee, the most workers before the goals break.
 */
public class FreightlinerWorkersSimulation extends FreightlinerSimulation {
  public FreightlinerWorkersSimulation() {
    load(imageCopies());
  }
}
