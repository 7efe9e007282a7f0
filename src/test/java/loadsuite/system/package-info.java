/** What a system of the suite is: its services, its workloads and the simulation of each (the specs each system package declares). */
package loadsuite.system;
