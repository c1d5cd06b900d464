package dev.celerity.autoconfigure.dashboard;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Lets a write through only when the dashboard is not read-only, the user may write, and the dashboard's CSRF
 * check passes; anything else is a 403 that says why. Each write let through is logged with its user (the audit
 * trail of the logger {@code dev.celerity.autoconfigure.dashboard}).
 */
class DashboardWriteGuard {

	private static final Logger logger = LoggerFactory.getLogger(DashboardWriteGuard.class);

	private final boolean readOnly;

	private final DashboardAccess access;

	private final DashboardCsrf csrf;

	private final String writePath;

	DashboardWriteGuard(boolean readOnly, DashboardAccess access, DashboardCsrf csrf, String path) {
		this.readOnly = readOnly;
		this.access = access;
		this.csrf = csrf;
		this.writePath = path + "/api/tasks/any/revoke";
	}

	boolean canWrite(HttpServletRequest request) {
		return !this.readOnly && this.access.canWrite(request, this.writePath);
	}

	void check(HttpServletRequest request) {
		if (this.readOnly) {
			throw refused("the dashboard is read-only (celerity.dashboard.read-only=true)");
		}
		if (!this.access.canWrite(request, this.writePath)) {
			throw refused("this user may not use write actions");
		}
		String refusal = this.csrf.refusal(request);
		if (refusal != null) {
			throw refused(refusal);
		}
		Principal user = request.getUserPrincipal();
		logger.info("Dashboard write {} by {} from {}", request.getRequestURI(),
				(user != null) ? user.getName() : "an anonymous user", request.getRemoteAddr());
	}

	private static ResponseStatusException refused(String reason) {
		return new ResponseStatusException(HttpStatus.FORBIDDEN, reason);
	}

}
