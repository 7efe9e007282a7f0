/** The OCI container registry (seed 004): its workloads and simulations, and CNCF Distribution as a real registry. */
package loadsuite.registry;
