package dev.celerity.control;

/**
 * One instance's answer to a {@link ControlCommand}.
 *
 * @param instanceId the instance that answers
 * @param commandId the command answered
 * @param applied whether the instance applied it
 * @param detail what it did, or why not
 */
public record ControlReply(String instanceId, String commandId, boolean applied, String detail) {

}
