/** The folder of the CLI's results, below the working directory (ignored by git, never scanned). */
export const DATA_FOLDER = '.bewaarder';

/** Where the CLI keeps its results unless `--db` says otherwise. */
export const DEFAULT_DB = `${DATA_FOLDER}/bewaarder.db`;
