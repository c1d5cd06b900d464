package dev.celerity.autoconfigure.dashboard;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's write actions, {@code POST} under {@code <path>/api}; each passes the {@link DashboardWriteGuard}
 * first (read-only switch, the user's access, CSRF) and answers what was done and by which instances.
 */
@RestController
@RequestMapping("${celerity.dashboard.path:/celerity}/api")
class DashboardActionController {

	private final DashboardActions actions;

	private final DashboardWriteGuard guard;

	DashboardActionController(DashboardActions actions, DashboardWriteGuard guard) {
		this.actions = actions;
		this.guard = guard;
	}

	@PostMapping("/tasks/{id}/revoke")
	Map<String, Object> revoke(@PathVariable String id, @RequestBody(required = false) @Nullable Map<String, Object> body,
			HttpServletRequest request) {
		this.guard.check(request);
		return this.actions.revoke(id, Boolean.parseBoolean(String.valueOf(argument(body, "terminate"))));
	}

	@PostMapping("/tasks/{id}/resend")
	Map<String, Object> resend(@PathVariable String id, @RequestBody(required = false) @Nullable Map<String, Object> body,
			HttpServletRequest request) {
		this.guard.check(request);
		Object near = argument(body, "near");
		return this.actions.resend(id, (near instanceof Number number) ? number.longValue() : null);
	}

	@PostMapping("/queues/{name}/{action:pause|resume}")
	Map<String, Object> pause(@PathVariable String name, @PathVariable String action,
			@RequestBody(required = false) @Nullable Map<String, Object> body, HttpServletRequest request) {
		this.guard.check(request);
		Object instance = argument(body, "instance");
		String target = (instance != null && !instance.toString().isBlank()) ? instance.toString() : null;
		return "pause".equals(action) ? this.actions.pause(name, target) : this.actions.resume(name, target);
	}

	@PostMapping("/queues/{name}/purge")
	Map<String, Object> purge(@PathVariable String name, HttpServletRequest request) {
		this.guard.check(request);
		return this.actions.purge(name);
	}

	@PostMapping("/queues/{name}/replay")
	Map<String, Object> replay(@PathVariable String name,
			@RequestBody(required = false) @Nullable Map<String, Object> body, HttpServletRequest request) {
		this.guard.check(request);
		Object max = argument(body, "max");
		try {
			return this.actions.replay(name, (max != null) ? Integer.parseInt(max.toString()) : 100);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("'max' must be a number, was '" + max + "'", ex);
		}
	}

	@PostMapping("/rate-limits/{task}")
	Map<String, Object> rateLimit(@PathVariable String task,
			@RequestBody(required = false) @Nullable Map<String, Object> body, HttpServletRequest request) {
		this.guard.check(request);
		Object limit = argument(body, "limit");
		return this.actions.rateLimit(task, (limit != null) ? limit.toString() : null);
	}

	@PostMapping("/schedules/{name}/run")
	Map<String, Object> runSchedule(@PathVariable String name, HttpServletRequest request) {
		this.guard.check(request);
		return this.actions.runSchedule(name);
	}

	@PostMapping("/schedules/{name}/{action:pause|resume}")
	Map<String, Object> pauseSchedule(@PathVariable String name, @PathVariable String action,
			HttpServletRequest request) {
		this.guard.check(request);
		return this.actions.pauseSchedule(name, "pause".equals(action));
	}

	private static @Nullable Object argument(@Nullable Map<String, Object> body, String name) {
		return (body != null) ? body.get(name) : null;
	}

}
