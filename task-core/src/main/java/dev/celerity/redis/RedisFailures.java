package dev.celerity.redis;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;

/**
 * Tells the failures that mean "Redis cannot be reached right now" (the connection is down, being re-established, or
 * a command timed out) from the others, so that features can report them as a broker that is unavailable for now.
 */
public final class RedisFailures {

	private RedisFailures() {
	}

	/**
	 * Returns whether a failure means that Redis cannot be reached for now.
	 * @param failure the failure of a Redis call
	 * @return {@code true} for a dropped, refused or rejected connection, a command timeout, or a server still loading
	 * its data after a restart
	 */
	public static boolean isUnavailable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof QueryTimeoutException) {
				return true;
			}
			String message = cause.getMessage();
			// Lettuce's words for a connection that is down while commands are rejected, or that went down under a
			// command in flight (a killed client, a reset)
			if (message != null && (message.contains("not connected") || message.contains("Connection closed")
					|| message.contains("Connection is closed") || message.contains("Connection disconnected")
					|| message.contains("Connection reset"))) {
				return true;
			}
			// a restarted server answers LOADING until it has read its data back (AOF, RDB)
			if (message != null && message.startsWith("LOADING")) {
				return true;
			}
		}
		return false;
	}

}
