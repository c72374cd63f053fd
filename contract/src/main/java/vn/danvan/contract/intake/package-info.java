/**
 * The door for people who report: an uploaded file checked before it is sent ({@link
 * vn.danvan.contract.intake.DryRun}, the load's own checks plus the sender's scope, every problem
 * explained in Vietnamese), before it becomes a submission beside the lake and, later, part of a
 * snapshot.
 */
package vn.danvan.contract.intake;
