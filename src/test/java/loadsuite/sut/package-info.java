/** Stage 3, the system under test as the run sees it: running services (embedded, external) and what they measured. */
package loadsuite.sut;
