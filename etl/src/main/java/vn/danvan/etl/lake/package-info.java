/**
 * Writing a lake snapshot: the typed lake schema of every table ({@link vn.danvan.etl.lake.LakeSchema}),
 * the Parquet writer shared by the load, the marts and the external import
 * ({@link vn.danvan.etl.lake.LakeWriter}), the lake lock held by a load or an import, and the two
 * atomic renames that turn {@code _staging/<id>} into a snapshot named by {@code CURRENT}. Depends
 * on no other ETL package, so that everything that writes can use it.
 */
package vn.danvan.etl.lake;
