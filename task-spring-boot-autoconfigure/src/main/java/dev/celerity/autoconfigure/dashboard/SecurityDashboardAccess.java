package dev.celerity.autoconfigure.dashboard;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * Follows the application's Spring Security: asks its rules whether the user may {@code POST} to a write action (so
 * a viewer sees no action the filter chain would refuse), and hands the pages Spring Security's CSRF token. Without
 * web security configured, everyone may write (the read-only switch still applies).
 */
final class SecurityDashboardAccess implements DashboardAccess {

	private final ObjectProvider<WebInvocationPrivilegeEvaluator> evaluator;

	private SecurityDashboardAccess(ObjectProvider<WebInvocationPrivilegeEvaluator> evaluator) {
		this.evaluator = evaluator;
	}

	static DashboardAccess of(ListableBeanFactory beans) {
		return new SecurityDashboardAccess(beans.getBeanProvider(WebInvocationPrivilegeEvaluator.class));
	}

	@Override
	public boolean canWrite(HttpServletRequest request, String writePath) {
		WebInvocationPrivilegeEvaluator rules = this.evaluator.getIfAvailable();
		if (rules == null) {
			return true;
		}
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		return rules.isAllowed(request.getContextPath(), writePath, "POST", user);
	}

	@Override
	public Map<String, String> csrfHeader(HttpServletRequest request) {
		if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
			return Map.of(token.getHeaderName(), token.getToken());
		}
		return Map.of();
	}

}
