/**
 * Starting and supervising child server processes: {@link io.authbench.support.process.ServerSpec} says what to
 * run, {@link io.authbench.support.process.ServerProcess} runs it, waits for its {@code LISTENING <url>} line,
 * keeps its logs and kills its whole process tree when closed or when this JVM exits.
 */
package io.authbench.support.process;
