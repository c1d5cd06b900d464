package dev.celerity.autoconfigure.canvas;

import org.springframework.context.ApplicationContext;

import dev.celerity.autoconfigure.canvas.AbstractCanvasIntegrationTests.CanvasTest;

/**
 * What the parts of the workflow contract need from the test class that runs them on one broker.
 */
interface CanvasContract {

	/**
	 * Runs a test inside a started application (and whatever other worker instances the test class adds).
	 * @param test the test
	 */
	void run(CanvasTest test);

	/**
	 * Tells how often a test task ran, over every worker instance of the test.
	 * @param context the application the test uses
	 * @param task the counter's name
	 * @return how often it ran
	 */
	int calls(ApplicationContext context, String task);

}
