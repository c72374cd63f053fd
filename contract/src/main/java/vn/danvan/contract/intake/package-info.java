/**
 * The intake of files from the people who report, before the load: an uploaded file checked
 * before it is sent ({@link vn.danvan.contract.intake.DryRun}: the load's own checks plus the
 * sender's scope, every problem explained in Vietnamese), then the submissions they send, kept
 * unchanged beside the lake ({@link vn.danvan.contract.intake.Submissions}), each pending until a
 * published snapshot has loaded it, or refused whole with its reason.
 */
package vn.danvan.contract.intake;
