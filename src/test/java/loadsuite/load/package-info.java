/** Stage 2, the plan and its injection: workloads, shapes and rate schedules, paced connections, injector shares, and the request DSL systems call. */
package loadsuite.load;
