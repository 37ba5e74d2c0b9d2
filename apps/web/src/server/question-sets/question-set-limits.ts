// The limits of coaches' question sets (docs/operations.md, "Limits", lists them).

/** Questions one set holds (deleted ones do not count). */
export const MAX_SET_QUESTIONS = 100
/** Bytes of one import request: a zip, or JSON with the files' text. */
export const MAX_IMPORT_BYTES = 1024 * 1024
/** Question files (.md or .json) one import reads. */
export const MAX_IMPORT_FILES = 100
/** Entries a zip may list at all (folders and skipped files too). */
export const MAX_ZIP_ENTRIES = 200
/** Uncompressed bytes of one file in a zip, and of all its files together. */
export const MAX_ZIP_FILE_BYTES = 256 * 1024
export const MAX_ZIP_TOTAL_BYTES = 4 * 1024 * 1024
