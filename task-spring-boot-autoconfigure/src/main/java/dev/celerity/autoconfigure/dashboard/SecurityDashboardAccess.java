package dev.celerity.autoconfigure.dashboard;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * Follows the application's Spring Security: asks its rules whether the user may {@code POST} to a write action (so
 * a viewer sees no action the filter chain would refuse), and hands the pages Spring Security's CSRF token.
 */
class SecurityDashboardAccess implements DashboardAccess {

	private final WebInvocationPrivilegeEvaluator evaluator;

	SecurityDashboardAccess(WebInvocationPrivilegeEvaluator evaluator) {
		this.evaluator = evaluator;
	}

	@Override
	public boolean canWrite(HttpServletRequest request, String writePath) {
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		return this.evaluator.isAllowed(request.getContextPath(), writePath, "POST", user);
	}

	@Override
	public Map<String, String> csrfHeader(HttpServletRequest request) {
		if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
			return Map.of(token.getHeaderName(), token.getToken());
		}
		return Map.of();
	}

}
