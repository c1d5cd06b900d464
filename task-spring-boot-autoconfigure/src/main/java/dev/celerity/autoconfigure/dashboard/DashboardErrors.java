package dev.celerity.autoconfigure.dashboard;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/**
 * Answers the dashboard's API errors as JSON: 400 with the message for bad input, the status of a refused write.
 */
@RestControllerAdvice(assignableTypes = { DashboardApiController.class, DashboardActionController.class })
class DashboardErrors {

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException ex) {
		return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(ex.getMessage())));
	}

	@ExceptionHandler(ResponseStatusException.class)
	ResponseEntity<Map<String, String>> refused(ResponseStatusException ex) {
		return ResponseEntity.status(ex.getStatusCode())
			.body(Map.of("error", String.valueOf(ex.getReason()), "status",
					String.valueOf(HttpStatus.valueOf(ex.getStatusCode().value()).value())));
	}

}
