/**
 * Publishing a lake snapshot: the lake lock held by a load or an import, and the two atomic renames
 * that turn {@code _staging/<id>} into a snapshot named by {@code CURRENT}. Plain file operations,
 * no Spark.
 */
package vn.danvan.etl.lake;
