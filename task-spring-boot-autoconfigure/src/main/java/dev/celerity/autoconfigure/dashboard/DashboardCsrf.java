package dev.celerity.autoconfigure.dashboard;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

/**
 * The dashboard's own CSRF protection, on every write whether or not Spring Security adds its own: a random token
 * kept in an HTTP-only, same-site cookie and written into each page, which a write must send back in a header
 * (double submit), and an {@code Origin} (or {@code Referer}) that must be the application's own.
 */
class DashboardCsrf {

	static final String HEADER = "X-Celerity-Csrf";

	static final String COOKIE = "CELERITY_DASHBOARD_CSRF";

	private final SecureRandom random = new SecureRandom();

	private final String path;

	DashboardCsrf(String path) {
		this.path = path;
	}

	/**
	 * Returns the request's token, issuing one in a cookie when it has none.
	 * @param request the page request
	 * @param response its response
	 * @return the token to write into the page
	 */
	String token(HttpServletRequest request, HttpServletResponse response) {
		String existing = cookie(request);
		if (existing != null) {
			return existing;
		}
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		response.addHeader("Set-Cookie", COOKIE + "=" + token + "; Path=" + request.getContextPath() + this.path
				+ "; HttpOnly; SameSite=Strict"
				+ (request.isSecure() ? "; Secure" : ""));
		return token;
	}

	/**
	 * Checks a write.
	 * @param request the write request
	 * @return why it is refused, {@code null} when it passes
	 */
	@Nullable String refusal(HttpServletRequest request) {
		String cookie = cookie(request);
		String header = request.getHeader(HEADER);
		if (cookie == null || header == null || !MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8),
				header.getBytes(StandardCharsets.UTF_8))) {
			return "missing or wrong CSRF token (header " + HEADER + ")";
		}
		String origin = request.getHeader("Origin");
		String source = (origin != null) ? origin : request.getHeader("Referer");
		if (source != null && !sameOrigin(source, request)) {
			return "cross-origin request from " + source;
		}
		return null;
	}

	private static boolean sameOrigin(String source, HttpServletRequest request) {
		try {
			URI uri = URI.create(source);
			int port = (uri.getPort() != -1) ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
			return request.getScheme().equalsIgnoreCase(uri.getScheme())
					&& request.getServerName().equalsIgnoreCase(uri.getHost()) && request.getServerPort() == port;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static @Nullable String cookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (COOKIE.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
					return cookie.getValue();
				}
			}
		}
		return null;
	}

}
