package dev.celerity.samples.secured;

import org.springframework.stereotype.Component;

import dev.celerity.api.Task;

/**
 * The sample's one task.
 */
@Component
public class ReportTasks {

	/**
	 * Builds a report.
	 * @param name the report's name
	 * @return what was built
	 */
	@Task(name = "reports.build", queue = "reports")
	public String build(String name) {
		return "report " + name;
	}

}
