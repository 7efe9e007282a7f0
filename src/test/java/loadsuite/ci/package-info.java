/** Tests of how the suite is run by others: the Jenkinsfile, README and docs/ kept true to the code. */
package loadsuite.ci;
