/** NebulaGC (seed 000): its control plane's workloads and simulations, with its rate limits and tokens. */
package loadsuite.nebulagc;
