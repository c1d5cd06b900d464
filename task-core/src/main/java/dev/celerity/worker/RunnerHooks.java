package dev.celerity.worker;

import dev.celerity.control.RevocationStore;

/**
 * What the runner consults and wraps around each task besides its core collaborators.
 *
 * @param revocations the revoked task ids, asked before each task starts
 * @param supervisor enforces time limits and terminates revoked running tasks
 * @param execution wraps each attempt (observation, tracing)
 */
public record RunnerHooks(RevocationStore revocations, AttemptSupervisor supervisor, ExecutionInterceptor execution) {

	public RunnerHooks {
		revocations = (revocations != null) ? revocations : RevocationStore.NONE;
		supervisor = (supervisor != null) ? supervisor : AttemptSupervisor.withoutTimeLimits();
		execution = (execution != null) ? execution : ExecutionInterceptor.NONE;
	}

	/**
	 * Returns hooks that do nothing: no revocations, no time limits, no interception.
	 * @return the hooks
	 */
	public static RunnerHooks none() {
		return new RunnerHooks(null, null, null);
	}

}
