package dev.celerity.autoconfigure.dashboard;

import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * Serves the dashboard's pages and its two assets from the jar: each page URL answers the same small HTML page,
 * which names the page, the base path, whether write actions are offered and the CSRF tokens; the script renders
 * the page from the JSON API.
 */
@Controller
@RequestMapping("${celerity.dashboard.path:/celerity}")
class DashboardPageController {

	private static final String ASSETS = "META-INF/celerity-dashboard/";

	private static final Set<String> ASSET_NAMES = Set.of("dashboard.js", "dashboard.css");

	private final String path;

	private final DashboardWriteGuard guard;

	private final DashboardCsrf csrf;

	private final DashboardAccess access;

	DashboardPageController(String path, DashboardWriteGuard guard, DashboardCsrf csrf, DashboardAccess access) {
		this.path = path;
		this.guard = guard;
		this.csrf = csrf;
		this.access = access;
	}

	@GetMapping({ "", "/", "/workers", "/tasks", "/tasks/{id}", "/queues", "/queues/{name}", "/rate-limits",
			"/schedules" })
	ResponseEntity<String> page(HttpServletRequest request, HttpServletResponse response) {
		String base = request.getContextPath() + this.path;
		String token = this.csrf.token(request, response);
		Map<String, String> securityHeader = this.access.csrfHeader(request);
		StringBuilder data = new StringBuilder();
		attribute(data, "base", base);
		attribute(data, "can-write", String.valueOf(this.guard.canWrite(request)));
		attribute(data, "csrf-header", DashboardCsrf.HEADER);
		attribute(data, "csrf-token", token);
		securityHeader.forEach((name, value) -> {
			attribute(data, "security-csrf-header", name);
			attribute(data, "security-csrf-token", value);
		});
		String html = """
				<!DOCTYPE html>
				<html lang="en">
				<head>
				<meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>Celerity</title>
				<link rel="stylesheet" href="%1$s/assets/dashboard.css">
				</head>
				<body%2$s>
				<header><a class="brand" href="%1$s/">Celerity</a><nav>
				<a href="%1$s/">Overview</a><a href="%1$s/workers">Workers</a><a href="%1$s/tasks">Tasks</a>
				<a href="%1$s/queues">Queues</a><a href="%1$s/rate-limits">Rate limits</a>
				<a href="%1$s/schedules">Schedules</a></nav><span id="live" title="live updates">●</span></header>
				<main id="app"><p class="muted">Loading…</p></main>
				<script src="%1$s/assets/dashboard.js"></script>
				</body>
				</html>
				""".formatted(HtmlUtils.htmlEscape(base), data);
		return ResponseEntity.ok()
			.contentType(MediaType.TEXT_HTML)
			.cacheControl(CacheControl.noStore())
			.header("X-Frame-Options", "DENY")
			.header("Content-Security-Policy",
					"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'")
			.body(html);
	}

	@GetMapping("/assets/{name:.+}")
	ResponseEntity<Resource> asset(@PathVariable String name) {
		if (!ASSET_NAMES.contains(name)) {
			return ResponseEntity.notFound().build();
		}
		MediaType type = name.endsWith(".js") ? MediaType.valueOf("text/javascript") : MediaType.valueOf("text/css");
		return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noCache())
			.body(new ClassPathResource(ASSETS + name));
	}

	private static void attribute(StringBuilder data, String name, String value) {
		data.append(" data-").append(name).append("=\"").append(HtmlUtils.htmlEscape(value)).append('"');
	}

}
