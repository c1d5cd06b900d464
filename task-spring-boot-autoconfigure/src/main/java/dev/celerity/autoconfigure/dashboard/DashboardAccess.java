package dev.celerity.autoconfigure.dashboard;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Decides whether the current user may use the dashboard's write actions, so pages offer them only to those who
 * may, and names the CSRF header the application's security expects on them.
 */
interface DashboardAccess {

	/** Everyone may write: the application has no security of its own for the dashboard. */
	DashboardAccess OPEN = (request, writePath) -> true;

	/**
	 * Returns whether the request's user may write.
	 * @param request the request
	 * @param writePath a path of a write action, relative to the application's context
	 * @return whether writes are allowed
	 */
	boolean canWrite(HttpServletRequest request, String writePath);

	/**
	 * Returns the CSRF header the application's security asks of writes, beyond the dashboard's own.
	 * @param request the page request
	 * @return the header's name and value, empty when there is none
	 */
	default Map<String, String> csrfHeader(HttpServletRequest request) {
		return Map.of();
	}

}
