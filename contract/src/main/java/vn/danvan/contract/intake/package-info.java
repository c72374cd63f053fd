/**
 * The intake of files from the people who report, before the load: the submissions they send,
 * kept unchanged beside the lake ({@link vn.danvan.contract.intake.Submissions}), each pending until
 * a published snapshot has loaded it, or refused whole with its reason.
 */
package vn.danvan.contract.intake;
