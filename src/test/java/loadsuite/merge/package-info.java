/** Stage 5, several injectors' run folders merged into one run, judged at full scale. */
package loadsuite.merge;
