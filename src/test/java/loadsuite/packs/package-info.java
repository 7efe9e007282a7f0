/** The packs registry (seed 001): its workloads and simulations, cold and warm. */
package loadsuite.packs;
