/** The Gati runtime (seed 002): its workloads and simulations. */
package loadsuite.runtime;
